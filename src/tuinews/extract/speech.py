"""The words that report speech, in the languages the sites publish in.

Kept apart from the rules that use them (`quotes.py`), so that a language can be added
here without touching a rule. Every list is a plain alternation for a regular expression.
"""

from __future__ import annotations

# Verbs that report what someone said or wrote, in the forms news copy uses.
_VERBS_EN = """
said says say told tells added adds explained explains wrote writes asked asks stated states
noted notes insisted insists argued argues warned warns recalled recalls continued continues
replied replies answered answers admitted admits acknowledged acknowledges claimed claims
declared declares remarked remarks observed observes suggested suggests stressed stresses
emphasised emphasized emphasises emphasizes concluded concludes announced announces confirmed
confirms tweeted posted joked jokes laughed shouted whispered agreed agrees complained
complains conceded concedes cautioned predicted predicts recounted mused muses responded
responds commented comments testified pleaded urged urges vowed vows wondered snapped snaps
promised promises quipped reported reports revealed reveals shared explained recommended
recommends confessed recalls saying adding telling writing explaining noting insisting
warning arguing asking stating asserting claiming ordered demanded
"""
_VERBS_DE = """
sagte sagt sagten sagen gesagt erklärte erklärt betonte betont meinte meint ergänzte ergänzt
fügte fügt schrieb schreibt sprach spricht kritisierte kritisiert warnte warnt berichtete
berichtet erzählte erzählt erläuterte erläutert erklärten betonten kritisierten forderten
warnten meinten unterstrich unterstreicht bekräftigte
bekräftigt räumte räumt forderte fordert antwortete antwortet versicherte versichert mahnte
mahnt findet fand glaubt glaubte schimpft schimpfte spöttelt spöttelte twitterte
kommentierte ließ lässt protestiert protestierte entgegnet entgegnete widerspricht widersprach
ruft rief fragt fragte beklagt beklagte bilanziert bilanzierte resümiert resümierte vermutet
vermutete gestand gesteht teilte teilt lästerte lästert schmunzelte schmunzelt hielt
berichtete warnt weist wies urteilte urteilt zitieren zitiert
"""
_VERBS_NORDIC = """
siger sagde sagt fortæller fortalte forklarer forklarede skriver skrev understreger
understregede tilføjer tilføjede mener mente udbryder udbrød sier sa forteller sier
konstaterer uddyber påpeger fastslår påpeker säger sade berättar menar förklarar skriver
beskriver beskrev slutter lyder fortsætter fortsetter svarer svarte svarede erklærer erklærte
hævder hevder understreker forklarte fortsätter svarar konstaterar berättade förklarade
spør spurte spørger spurgte frågar frågade tilføyer tilføyde avslutter avsluttet afslutter
sluttede roper ropte råber råbte ropar ropade
"""
_VERBS_FR = """
déclare dit explique affirme ajoute estime souligne indique précise raconte confie assure
insiste lance reconnaît rappelle poursuit note écrit répond prévient martèle résume ironise
argumente juge rapporte avertit averti admet confirme annonce a déclaré a dit a expliqué
a affirmé a ajouté a estimé a souligné a indiqué a précisé a raconté a confié a assuré
a insisté a lancé a reconnu a rappelé a poursuivi a noté a écrit a répondu a prévenu
a martelé a résumé a ironisé a averti a assuré a confirmé a annoncé a rapporté s'exclame
déclaré affirmé indiqué expliqué précisé souligné ajouté estimé ordonné demandé
déclarent affirment estiment indiquent expliquent soulignent dénoncent jugeant estimant
"""
_VERBS_ES_IT = """
dijo dice afirmó afirma explicó explica señaló señala añadió añade aseguró asegura declaró
declara resumió resume replicó advirtió advierte subrayó subraya insistió insiste recalcó
recalca destacó destaca reafirmó reconoció reconoce apuntó apunta apuntaba comenta comentó
agrega agregó lamentó relató relata pidió manifestó zanjó confesó rememoró abundó ironizó
deslizó espetó contestó explicaba indicó indica preguntaba sostiene sostuvo
dijeron afirmaron señalaron explicaron aseguraron declararon indicaron añadieron expresaron
ordenó exigió añadiendo asegurando diciendo señalando
ha dicho ha señalado ha subrayado ha insistido ha advertido ha resumido ha recalcado
ha explicado ha afirmado ha asegurado ha declarado ha destacado ha descrito ha pedido
ha detto ha spiegato spiega ha aggiunto aggiunge ha dichiarato dichiara afferma rivela
ha twittato ha scritto scrive scriveva ha sottolineato sottolinea ha affermato racconta
"""


def _conjugated(table: str) -> str:
    """Forms built from stems: each line is a set of endings (or of auxiliary + ending
    pairs such as "han+ado"), a colon, and the stems they go on. A listed verb is heard in
    every person and tense news copy reports with, not only the forms once met."""
    forms: list[str] = []
    for line in table.strip().splitlines():
        endings, stems = line.split(":")
        for stem in stems.split():
            for ending in endings.split():
                auxiliary, _, suffix = ending.rpartition("+")
                forms.append(f"{auxiliary} {stem}{suffix}" if auxiliary else stem + suffix)
    return " ".join(forms)


# Third persons of the present (the singular only where it is no noun as well: "la
# denuncia", "la pregunta"), preterite and imperfect, and the perfect.
_VERBS_ES_IT += _conjugated(
    """
    a an ó aron aba aban ha+ado han+ado: afirm explic señal asegur declar subray recalc \
destac reafirm coment agreg lament relat zanj rememor ironiz desliz espet contest indic \
reiter aclar matiz puntualiz valor narr anunci confirm revel argument justific detall \
comunic inform opin remarc enfatiz brome critic reclam apunt replic cuestion resalt acot \
apostill remat solicit recomend aconsej garantiz
    an ó aron aba aban ha+ado han+ado: denunci sentenci precis alert protest pregunt expres \
abund
    ó aron ha+ado han+ado: manifest
    e en ió ieron ía ían ha+ido han+ido: añad resum respond admit insist exig reconoc
    ano ò arono ava avano ha+ato hanno+ato: spieg dichiar afferm sottoline raccont rivel \
ricord comment annunci osserv assicur evidenzi precis conferm denunci domand twitt
    a: spieg dichiar afferm sottoline raccont rivel ricord comment annunci osserv assicur \
evidenzi
    """
)
_VERBS_ES_IT += """
dicen decía decían han dicho diciendo advierten advirtieron pide piden pidieron
confiesa confiesan confesaron cuenta cuentan contó contaron recuerda recuerdan recordó
recordaron sugiere sugieren sugirió sugirieron concluye concluyen concluyó concluyeron
defiende defienden defendió escribe escriben escribió escribieron ha escrito han escrito
sostienen sostuvieron mantiene mantuvo reconocen niega niegan negó negaron desmintió
desmienten propuso propusieron prometió prometieron insta instó instaron lanzó soltó
dicono disse dissero diceva dicevano hanno detto scrivono scrisse hanno scritto aggiungono
aggiunse hanno aggiunto chiede chiedono chiese chiesero ha chiesto hanno chiesto risponde
rispondono rispose ha risposto sostiene sostengono ha sostenuto ammette ha ammesso conclude
ha concluso ribadisce ribadiscono ha ribadito riferisce riferiscono ha riferito insiste
ha insistito avverte ha avvertito tuona ha tuonato incalza attacca esordisce chiarisce
ha chiarito ha negato smentisce ha smentito sbotta
"""
_VERBS_FR += _conjugated(
    """
    e ent a èrent ait aient a+é ont+é: déclar expliqu affirm ajout estim soulign indiqu \
précis racont confi assur insist not résum ironis argument jug rapport confirm dénonc \
regrett témoign détaill comment plaid avou gliss interrog observ déplor fustig accus \
rétorqu object constat exhort
    ent a èrent ait aient a+é ont+é: demand souffl tranch nuanc répliqu lâch lanc annonc \
critiqu tonn
    """
)
_VERBS_FR += """
disent disait disaient ont dit écrivent écrivait ont écrit répondent ont répondu
reconnaissent ont reconnu admettent a admis poursuivent poursuivait préviennent ont prévenu
avertit ont averti conclut a conclu concluent réagit a réagi martèlent a martelé
"""
_VERBS_DE += _conjugated(
    """
    t te ten: sag erklär beton mein ergänz kritisier warn erzähl forder versicher mahn \
glaub schimpf kommentier protestier beklag bilanzier resümier vermut läster urteil \
bekräftig bestätig behaupt beteuer monier verkünd appellier klag jubel scherz \
seufz analysier folger beschwichtig
    et ete eten: bericht antwort entgegn
    """
)
_VERBS_DE += """
schrieben riefen sprachen verriet verrät versprach verspricht gestanden
kritisieren betonen erklären warnen fordern meinen ergänzen bekräftigen bestätigen beklagen
mahnen monieren protestieren kommentieren konterte kontert erwiderte erwidert erwiderten
lobte lobt drohte droht
"""
_VERBS_NORDIC += """
oplyser oplyste opplyser opplyste uppger uppgav bekræfter bekræftede bekrefter bekreftet
bekräftar bekräftade advarer advarede advarte varnar varnade vurderer vurderede
vurderte erkender erkendte indrømmer indrømmede innrømmer innrømmet medgiver tilstår
kommenterer kommenterede påpegede påpekte konstaterede konstaterte uddybede
"""
_VERBS_EN += _conjugated(
    """
    s ed ing: contend retort exclaim yell mutter
    ed ing: counter reason highlight mention chant boast lament murmur scream
    es ed ing: reiterat speculat underscor elaborat teas grumbl
    """
)
_VERBS_EN += """
sang sings singing clarified clarifies proclaimed proclaims affirmed affirms assured
advised maintained bragged griped fumed sighed cried denied denies criticized criticised
criticizes criticises accused praised hailed slammed blasted pledged pledges pointed
texted emailed
"""


# Verbs that attribute a word or short phrase: she called it “a welcome step”.
_CALLING_V2 = """
nannte nennt nennen nannten bezeichnete bezeichnet bezeichneten würdigte würdigt sprachen
sprach beschreibt beschrieb kaldte kalder kalla kallar kalt
"""
_CALLING = (
    _CALLING_V2
    + """
called calls calling call described describes describing denounced denouncing branded
brands dubbed labelled labeled termed characterized characterised compared named
qualifié qualifie qualifiait a qualifié jugé juge jugeant décrit a décrit
calificó califica describió describe definió define llamó llama
definita ha definito definito ha chiamato
"""
)


# The auxiliaries of the perfect that stand before a participle: "a dit", "han dicho".
AUXILIARIES = frozenset("a ha han hanno ont".split())


def _split(words: str) -> str:
    """The forms as an alternation, longest first; "a"/"ha" + participle stay one form."""
    forms: set[str] = set()
    parts = words.split()
    index = 0
    while index < len(parts):
        if parts[index] in AUXILIARIES and index + 1 < len(parts):
            forms.add(f"{parts[index]} {parts[index + 1]}")
            index += 2
        else:
            forms.add(parts[index])
            index += 1
    return "|".join(sorted(forms, key=len, reverse=True))


NORDIC_VERB_FORMS = _VERBS_NORDIC


def forms(words: str) -> frozenset[str]:
    """The forms one by one, lower-cased, for a lookup word by word."""
    return frozenset(form.casefold() for form in _split(words).split("|"))


SPEECH_VERBS = _split(
    "\n".join((_VERBS_EN, _VERBS_DE, _VERBS_NORDIC, _VERBS_FR, _VERBS_ES_IT, _CALLING))
)
CALLING_VERBS = _split(_CALLING)
SPEECH_VERB_FORMS = forms(
    "\n".join((_VERBS_EN, _VERBS_DE, _VERBS_NORDIC, _VERBS_FR, _VERBS_ES_IT, _CALLING))
)
CALLING_VERB_FORMS = forms(_CALLING)
# German and Nordic verbs of calling put their subject second, as their verbs of speech do.
V2_CALLING_VERB_FORMS = forms(_CALLING_V2)
ENGLISH_VERB_FORMS = forms(_VERBS_EN)
# Spanish and Italian leave the subject out: "se declararon «…»" is still someone's words.
PRO_DROP_VERB_FORMS = forms(_VERBS_ES_IT)
# German and the Nordic languages put the verb second: "Entspannung findet Judy Lybke …",
# "Videre fortsetter Jackson": whatever opens the sentence, the subject follows the verb.
# Not the verbs of asking, whose object may follow them ("fragte Wahala").
V2_ASKING_VERB_FORMS = forms("fragt fragte spør spurte spørger spurgte frågar frågade")
# Verbs of asking and of answering: "asked Ana Roe, “…?”", then "“…,” she replied".
ASKING_VERB_FORMS = V2_ASKING_VERB_FORMS | forms(
    "asked asks asking preguntó pregunta preguntaba a demandé demande demanda ha chiesto chiede"
)
REPLY_VERB_FORMS = forms(
    "replied replies answered answers responded responds antwortete antwortet entgegnete "
    "erwiderte respondió contestó replicó a répondu répond répondit rétorque ha risposto "
    "risponde svarede svarer svarte svarar svarade"
)
V2_VERB_FORMS = forms("\n".join((_VERBS_DE, _VERBS_NORDIC))) - V2_ASKING_VERB_FORMS

# Third-person pronouns that can stand for a speaker named before.
PRONOUNS = "he|she|er|sie|han|hun|hon|il|elle|él|ella|lui|lei"

# "according to X" in front of or after a quote.
ACCORDING_TO = "according to|laut|ifølge|enligt|selon|d’après|d'après|según|secondo|so"

# Words that open a role: "the coach", "ein Polizeigewerkschafter", "la vecina".
DETERMINERS = (
    "the|a|an|one|another|some|many|several|der|die|das|den|dem|ein|eine|einer|einem|einige|"
    "mehrere|le|la|les|l’|l'|un|une|certains|plusieurs|algunos|varios|flere|nogle|"
    "el|los|las|una|il|lo|gli|det|en|ett|et|this|esta|este|cette|ce|dieser|diese|ese|esa"
)

# Auxiliaries and adverbs that may stand between a speaker and the verb.
BETWEEN = (
    "has|had|have|also|then|later|again|previously|once|recently|however|though|hat|hatte|"
    "auch|noch|dann|zuletzt|jedoch|allerdings|zudem|aber|nun|a|avait|aussi|pourtant|"
    "cependant|toutefois|également|ha|había|también|además|sin|embargo|har|hade|også|dog|"
    "aveva|anche|infatti|inoltre|però|invece|always|often|usually|siempre|immer|oft|toujours|"
    "souvent|sempre|spesso|altid|alltid|ofte|ofta"
)

# Words a phrase after a verb stops at: what follows is where, when or to whom.
STOPS = (
    "in|on|at|to|for|during|when|while|after|before|who|that|which|with|as|from|about|"
    "over|under|since|until|through|across|against|among|around|between|entre|zwischen|"
    "dans|lors|à|au|aux|en|pour|qui|que|sur|avec|après|devant|"
    "a|al|en|durante|ante|que|quien|con|tras|desde|sobre|por|par|by|"
    "gegenüber|bei|im|am|auf|zu|zum|zur|nach|vor|mit|über|dass|als|"
    "til|till|på|i|som|for|med|efter|att|at|vom|von|nel|nella|nello|nei|nelle|sul|sulla|dopo|durante|"
    # "sa han ifølge Reuters": who reported it comes after who said it
    "ifølge|enligt|laut|selon|según|secondo|according"
)

# Capitalised words that begin sentences without being names.
FUNCTION_WORDS = frozenset(
    """
    The A An And But Or So Then This That These Those It He She They We You I In On At For
    With As When While If After Before Yesterday Today Tomorrow His Her Their Our My Its
    There Here Now Yet Still Also Later Even Only Just Asked Speaking According Meanwhile
    However Although Though Because Since Until From Into Over Under About Not No Yes
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February September
    October November December Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag
    Januar Februar März Juni Juli Oktober Dezember Frühjahr Frühling Herbst
    Two Three Four Five Six Seven Eight Nine Ten Zwei Drei Vier Fünf Sechs Sieben Acht Neun
    Zehn Ihm Ihn Ihnen Uns Euch Mich Dich Mir Dir Him Them Us Me
    Amid Amidst Despite Nonetheless Nevertheless Moreover Furthermore Instead Besides Overall
    Indeed Perhaps Finally Notably Ultimately Earlier Recently Separately Additionally
    Weiter Weiterhin Außerdem Zudem Ferner Allerdings Jedoch Trotzdem Dennoch Insbesondere
    Schließlich Inzwischen Mittlerweile Bereits Später Danach Darauf Darüber Dazu Zuvor
    Ebenfalls Ebenso Vielmehr Offenbar Angeblich Demnach Somit Bisher Seither Kürzlich
    Derzeit Künftig Neben Innerhalb Außerhalb Statt Anstatt Angesichts Aufgrund Infolge
    Seitens Inmitten Dank Gemäß
    Cependant Pourtant Toutefois Ensuite Enfin Désormais Aussi Ainsi Alors Puis
    Además Luego Incluso Finalmente Asimismo Todavía
    Samtidig Dessuten Derfor Likevel Imidlertid Ifølge Etter Under Siden Derefter Desuden
    Dock Också Sedan Dessutom Därför Videre Deretter Dermed Uansett
    Ihre Seine Sein Unsere Unser Meine Mein Deine Dein Eure Euer Ihren Seinen Ihrem Seinem
    Niemand Jemand Nobody Someone Nadie Alguien Personne Nessuno Ingen Nogen Noen Någon
    Noget Noe Något Nothing Something Etwas Nichts Algo Nada Quelque Rien Qualcosa Niente
    Konkret Genau Klar Tatsächlich Eigentlich Natürlich Vor Allem Wichtig Fazit Respecto
    Regarding Concerning Bezüglich Quant Concernant Riguardo Angående
    Der Die Das Ein Eine Einen Einem Einer Eines Und Aber Oder Auch Es Er Sie Wir Ich Ihr
    Im Am Zum Zur Den Dem Des Doch Dann Nun Nach Vor Bei Mit Von Auf Für Als Wie Was Wer
    Wenn Weil Dass Seit Laut Zwar Gleichzeitig Hier Dort Dabei Damit Denn Deshalb Daher
    Zugleich Zunächst Zuletzt Heute Gestern Morgen Jetzt Immer Nicht Kein Keine Man Mehr
    Beim Ins Unter Über Ob Um Gegen Ohne Bis Trotz Während Wegen Dies Diese Dieser Dieses
    Le La Les Un Une Et Mais Il Elle Ils Elles Nous Vous Je Ce Cette Ces Dans Pour Par Sur
    Avec Selon Après Avant Depuis Au Aux Du Des En Ou Où Son Sa Ses Leur Leurs Mme M Pas
    El Los Las Una Y Pero Tras Ante Sin Con Para Por Según Desde Además Asimismo Así Mientras
    Cuando Como Este Esta Estos Estas Ese Esa Lo Al Del Su Sus Ya Muy Más Hoy Ayer Precisamente
    Gli Ma Secondo Dopo Nel Nella Della Dei Per Che Non Poi Anche E Ed Quizá Quizás Tal También
    Que Qu Quand Lorsque Puisque Comme Si Porque Aunque Donde Quien Perché Quando Dove Fordi
    Él Ella Ellos Ellas Luego Entonces Aquí Allí Ahora Nunca Siempre Sólo Solo Pues
    Det Den De En Et Ett Og Och Men Han Hun Hon Vi Jeg Jag Da Så Nu Efter Før Med Til På Som
    Her Der Selv Også Både Hvis Når Mens Dagen
    Mr Mrs Ms Dr Prof Herr Frau Sir Dame
    Every Each All Any Jeder Jede Jedes Jeden Alle Chaque Tous Toutes Cada Todos Todas Ogni
    Tutti Hver Hvert Alle Varje Alla
    """.split()
)

# Nouns that name a publication: "skriver avisa The Standard" reports, it does not speak.
PUBLICATION_NOUNS = frozenset(
    """
    newspaper paper magazine broadcaster network avis avisa avisen tidning tidningen tidsskrift
    zeitung blatt magazin sender journal quotidien hebdomadaire diario periódico giornale
    quotidiano agency agentur agence agencia
    """.split()
)
MEDIA_WORDS = frozenset(
    "Times Post News Journal Magazine Standard Herald Tribune Gazette Telegraph Guardian "
    "Reuters AFP AP BBC CNN Zeitung Presse Courier Ledger Independent".split()
)

# Words that make a capitalised run an organisation, a place or a work, not a person.
NOT_PEOPLE = frozenset(
    """
    Times Post News Journal Magazine Court Council Ministry Party University Center Centre
    Agency Police Department Government House Senate Congress Union Bank Group Inc Ltd AG
    GmbH Company Corporation Association Institute Office Commission Committee Service Street
    Road City County State States Republic Kingdom Parliament Press Reuters AFP AP Truth
    Social EU UN NATO Nato USA US UK Twitter Facebook Instagram Weibo Google Metro BBC CNN
    Telegraph Guardian Standard Herald Tribune Gazette Network Foundation Fund
    Club Team Force Forces Army Navy Ministerium Regierung Polizei Zeitung Stiftung Partei
    Institut Amt Gericht Kommission Ministère Gouvernement Fondation Ministerio Gobierno
    Fundación Asociación Plataforma Ayuntamiento Kremlin Parlament Bundestag Airlines Airport
    Civil Militar Military Unidad Fuerzas Cuerpos Seguridad Security Protección Protection
    Emergencias Emergency Defensa Defence Defense Nacional National Federal International
    Internacional Europea European Europäische Regional Consejo Conseil Rat Junta Tribunal
    Supremo Supreme Hospital Universidad Université Universität Airways Holdings Alliance
    Organization Organisation Organización
    Bistro Restaurant Café Cafe Bar Pub Hotel Shop Store Market Kro Butik Restaurante
    Trattoria Brasserie Bäckerei Markt Laden
    """.split()
)

# Titles that stand before a person's name in a capitalised run: "Pakistan's Chief of Army
# Staff General Asim Munir" is Asim Munir.
TITLES = frozenset(
    """
    General Gen Colonel Col Major Captain Capt Admiral Sergeant Chief President Minister
    Secretary Senator Sen Rep Representative Governor Gov Mayor Judge Justice Professor
    Director Chancellor Chairman Chairwoman Commissioner Ambassador Bishop Archbishop Cardinal
    Pope King Queen Prince Princess Duke Duchess Coach Detective Inspector Superintendent
    Premier Speaker Präsident Präsidentin Ministerpräsident Ministerpräsidentin Bundeskanzler
    Kanzler Kanzlerin Bürgermeister Bürgermeisterin Ministerin Staatssekretär Président
    Presidente Ministro Ministra Supervisor Councilman Councilwoman Councillor Councilor
    Sheriff Trustee Alderman Assemblyman Assemblywoman Congressman Congresswoman
    """.split()
)

# Nouns for people that no ending gives away: "Eine Frau kommt …", "la miembro", "a local".
PERSON_NOUNS = frozenset(
    """
    man woman men women boy girl child mother father son daughter wife husband friend member
    neighbour neighbor local victim witness guest patient pupil student citizen resident
    mann frau kind mädchen junge mutter vater sohn tochter freund freundin mitglied nachbar
    nachbarin gast zeuge zeugin opfer
    homme femme enfant fille garçon mère père fils ami amie membre voisin voisine témoin
    hombre mujer niño niña hijo hija madre padre amigo amiga miembro vecino vecina testigo
    uomo donna bambino bambina figlio figlia madre padre amico amica membro
    mand kvinde kvinne kvinna barn pige pike flicka dreng gutt pojke ven venn vän medlem
    mor far søn sønn son datter dotter
    """.split()
)
