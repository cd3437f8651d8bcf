"""Who a pronoun, a left-out subject or an unusual verb of speech stands for.

The sentences are our own. Each test pairs what the rule gets right with the case where the
same rule must stay silent, because a wrong speaker is worse than none.
"""

from __future__ import annotations

from tuinews.extract.quotes import QuoteFinder


def _found(*paragraphs: str) -> list[tuple[str, str | None]]:
    finder = QuoteFinder()
    return [(q.text, q.speaker) for paragraph in paragraphs for q in finder.feed(paragraph)]


def test_a_pronoun_means_the_person_the_sentence_is_about() -> None:
    assert _found(
        "Okonkwo, a retired ferry pilot the council hired as an adviser on the harbour plan,"
        " met Ida Lund twice. Yet Okonkwo has changed his mind once — “I was wrong about the"
        " tides,” he said."
    ) == [("I was wrong about the tides", "Okonkwo")]


def test_a_sentence_about_someone_unplaced_leaves_the_pronoun_unresolved() -> None:
    # The last sentence names Ida Lund and Per Holm without either as its opening subject:
    # "he" could be either of them, or Okonkwo; the rules say nobody.
    assert _found(
        "Okonkwo, a retired ferry pilot, met the mayor. On Monday the council heard Ida Lund"
        " and Per Holm on the plan. “It will not work,” he said."
    ) == [("It will not work", None)]


def test_a_capitalised_word_opening_a_sentence_is_no_person_by_itself() -> None:
    # "Flooding" opens the sentence like a surname would; nothing says it is one.
    assert _found(
        "Flooding is a yearly worry for the islanders and the mayor Ana Roe and the pilot"
        " Tom Ash. “We sandbag every door in October,” he said."
    ) == [("We sandbag every door in October", None)]


def test_an_adverb_between_the_verb_and_its_subject_is_skipped() -> None:
    assert _found(
        "Le trafic « reprendra normalement dès jeudi matin », précise aussi la préfecture."
    ) == [("reprendra normalement dès jeudi matin", "la préfecture")]


def test_a_verb_no_list_holds_attributes_in_the_place_after_the_quote() -> None:
    assert _found(
        "„Das Wasser stand bis zum zweiten Stock“, staunt Fährmann Jonas Brandt, der seit"
        " dreißig Jahren übersetzt."
    ) == [("Das Wasser stand bis zum zweiten Stock", "Fährmann Jonas Brandt")]
    assert _found("«Nunca vimos una marea así en el puerto», se lamentó la alcaldesa.") == [
        ("Nunca vimos una marea así en el puerto", "la alcaldesa")
    ]


def test_what_follows_a_quote_is_no_attribution_when_a_clause_goes_on() -> None:
    # A verb and a subject after the quote, but the sentence carries on past them; and the
    # sentence before opens with where ("Beim Fest"), its subject after the verb.
    assert _found(
        "Beim Fest erzählte jemand von der „Fahrt über das ganze Meer bis Island“, staunte"
        " die Runde und lachte lange."
    ) == [("Fahrt über das ganze Meer bis Island", None)]


def test_nordic_dash_dialogue_is_quotation_up_to_its_attribution() -> None:
    assert _found(
        "– Fergen går som vanlig i morgen. Vi har fått nye reservedeler, sier ordfører Kari"
        " Holm til lokalavisen.",
        "Holm er likevel bekymret for vinteren:",
        "– Hvis stormen kommer tilbake, står vi uten båt igjen.",
    ) == [
        ("Fergen går som vanlig i morgen. Vi har fått nye reservedeler", "Kari Holm"),
        ("Hvis stormen kommer tilbake, står vi uten båt igjen.", "Kari Holm"),
    ]
    assert _found("– Kommer båten i dag? spør en passasjer på kaien.") == [
        ("Kommer båten i dag?", "en passasjer")
    ]


def test_a_hyphen_list_item_is_no_dialogue() -> None:
    assert _found("Det trenger du på turen:", "- Varme klær og gode sko til hele familien.") == []


def test_french_sa_is_her_not_said() -> None:
    # Nordic "sa" means "said"; in French it is "her", and "sa mère" attributes nothing.
    assert _found(
        "Le maire Paul Roux a parlé hier. Selon sa voisine Anne Petit, le marché « ne rouvrira"
        " pas avant le printemps prochain »."
    ) == [("ne rouvrira pas avant le printemps prochain", "Anne Petit")]
    assert _found("«Vi åpner igjen til sommeren», sa havnesjefen.") == [
        ("Vi åpner igjen til sommeren", "havnesjefen")
    ]


def test_a_sentence_of_quotation_belongs_to_the_person_the_sentence_before_is_about() -> None:
    assert _found(
        "The harbour master Ines Vaag gives the new breakwater good marks. “It held through"
        " three storms without a single crack.”"
    ) == [("It held through three storms without a single crack.", "Ines Vaag")]
    # The sentence before is about two people: the quotation could be either's.
    assert _found(
        "Ines Vaag walked the breakwater with Tor Lien on Monday. “It held through three"
        " storms without a single crack.”"
    ) == [("It held through three storms without a single crack.", None)]


def test_an_age_standing_for_a_person_is_that_person() -> None:
    assert _found(
        "Die Fischerin Grete Sand (»Das Meer und ich«) verkauft seit 1970 am Kai. „Früher kamen"
        " die Boote jeden Morgen voll zurück“, sagte die 81-Jährige dem Lokalradio."
    ) == [("Früher kamen die Boote jeden Morgen voll zurück", "Grete Sand")]


def test_a_plural_verb_without_its_subject_is_no_single_speaker() -> None:
    quotes = _found(
        "«Cerraremos el puerto a las diez», anunció la alcaldesa Rosa Gil.",
        "Los pescadores del muelle norte no están de acuerdo. «No podemos perder otra"
        " semana de trabajo», replicaron.",
    )
    assert quotes == [
        ("Cerraremos el puerto a las diez", "Rosa Gil"),
        ("No podemos perder otra semana de trabajo", None),
    ]


def test_a_colon_after_a_sentence_about_someone_introduces_them() -> None:
    assert _found(
        "Okafor, speaking after the vote, put it simply: “The bridge will be built, and soon.”"
    ) == [("The bridge will be built, and soon.", "Okafor")]


def test_a_short_phrase_in_german_reported_speech_is_the_speakers_quotation() -> None:
    quotes = _found(
        "„Wir haben die Zahlen im Griff“, sagte Kämmerin Ilse Rauch am Montag. Sie wolle den"
        " Haushalt auf eine „solide Grundlage“ stellen."
    )
    assert quotes[1] == ("solide Grundlage", "Kämmerin Ilse Rauch")
    # The same phrase in a plain statement is a label, not anyone's words.
    assert _found("Die Stadt stellt den Haushalt auf eine „solide Grundlage“.") == []


def test_a_french_auxiliary_is_no_article() -> None:
    assert _found(
        "Le maire de Brest a ordonné lundi de « fermer les quais » jusqu'à nouvel ordre."
    ) == [("fermer les quais", "Le maire de Brest")]


def test_a_role_the_sentence_opens_with_is_who_a_left_out_subject_means() -> None:
    assert _found(
        "El pescador llegó al muelle antes del amanecer con Ana y Luis. «Hoy no sale nadie,"
        " el viento es demasiado fuerte», zanjó."
    ) == [("Hoy no sale nadie, el viento es demasiado fuerte", "El pescador")]
    # A body is no person: "the government" is not who "he" means.
    assert _found(
        "The government cut the ferry budget, and Ana Roe and Tom Ash protested. “We will"
        " keep the line open whatever it costs,” he said."
    ) == [("We will keep the line open whatever it costs", None)]


def test_one_of_a_group_is_a_whole_role() -> None:
    assert _found("According to one of the divers, “The hull broke in two before it sank.”") == [
        ("The hull broke in two before it sank.", "one of the divers")
    ]


def test_a_verb_after_and_shares_the_subject_before_it() -> None:
    assert _found(
        "„Die Fähre bleibt“, erklärte Bürgermeisterin Ute Kramm.",
        "Zugleich lobte sie die Werft und betonte, „der Fahrplan gilt auch im Winter“.",
    )[1] == ("der Fahrplan gilt auch im Winter", "Bürgermeisterin Ute Kramm")


def test_a_pronoun_after_sentences_about_someone_else_means_them_not_the_last_speaker() -> None:
    assert _found(
        "“We will not sell the pier,” the mayor said on Monday.",
        "The elder Okafor owns half of the harbour. He has bought three boats this year and"
        " has said, “I am not done buying.”",
    )[1] == ("I am not done buying.", "Okafor")


def test_a_subject_after_a_fronted_clause_and_a_surname_that_spoke_before() -> None:
    assert _found(
        "Managers watched the picket line, Okafor said.",
        "Pay talks stalled in May. But instead of giving up, Okafor filed a complaint."
        " “They will answer for it in court,” he said, and Ana Roe and Tom Ash nodded.",
    )[0] == ("They will answer for it in court", "Okafor")


def test_an_acronym_and_its_unit_speak_as_one() -> None:
    assert _found(
        "(NRK press office said of the outage, “We restored the signal within an hour.”)"
    ) == [("We restored the signal within an hour.", "NRK press office")]


def test_the_name_in_apposition_to_the_opening_role_is_the_subject() -> None:
    assert _found(
        "L'adjoint de Paul Roux, Marc Lenoir, a présenté hier le budget du port. « Nous ne"
        " fermerons aucun quai cette année », a-t-il assuré."
    ) == [("Nous ne fermerons aucun quai cette année", "Marc Lenoir")]


def test_a_word_parted_from_the_verb_by_a_comma_is_not_its_subject() -> None:
    # "Finalmente, indicaron": an adverb, then a verb whose subject is left out; the adverb
    # is never a person the next quote could go to.
    assert _found(
        "Finalmente, indicaron que “la revisión del muelle seguirá abierta hasta junio”.",
        "“No he hecho nada ilegal en el puerto”, añadió.",
    )[1] == ("No he hecho nada ilegal en el puerto", None)


def test_german_and_nordic_put_the_subject_after_the_verb() -> None:
    # Whatever opens the sentence, the verb comes second and its subject after it.
    assert _found(
        "Ruhe findet Greta Vollmer im Bootshaus, bei ihrer Familie und „ich bin glücklich,"
        " wenn ich morgens aufs Wasser komme“."
    ) == [("ich bin glücklich, wenn ich morgens aufs Wasser komme", "Greta Vollmer")]
    assert _found(
        "Dessuten forteller Aasen, som har ledet fergeselskapet i ti år:",
        "– Vi har aldri hatt så mange passasjerer om vinteren.",
    ) == [("Vi har aldri hatt så mange passasjerer om vinteren.", "Aasen")]
    # A word after the verb that nothing shows to be a person is no subject either.
    assert _found(
        "Dessuten forteller Bryggen om en lang vinter: «Vi har aldri hatt så mange passasjerer.»"
    ) == [("Vi har aldri hatt så mange passasjerer.", None)]


def test_a_relative_clause_between_subject_and_verb_leaves_the_subject() -> None:
    # However long the clause, its names (a paper, a city) are not who speaks.
    assert _found(
        "El capitán retirado, cuyo periódico La Voz del Puerto dejó de publicarse en medio de"
        " la riada que inundó el casco viejo de Valencia, advirtió que los “vendedores de"
        " humo” del ayuntamiento mienten."
    ) == [("vendedores de humo", "El capitán retirado")]


def test_a_left_out_subject_carries_on_the_speaker_not_a_person_named_since() -> None:
    # Ana Ruiz is named after the captain spoke, as the subject of a clause inside his
    # reported speech: "comentó" still means the captain.
    assert _found(
        "Según el capitán, la marea “no bajará hasta el lunes”, y explicó que lo peor es que"
        " Ana Ruiz ha cerrado “todos los accesos al muelle”.",
        "“Nadie sabe cuándo se podrá volver a pescar”, comentó.",
    )[-1] == ("Nadie sabe cuándo se podrá volver a pescar", "el capitán")
    # A verb with a subject the rules cannot read ("una vecina … y socia …") is not the
    # last speaker's.
    assert _found(
        "“El ruido no para hasta las doce”, afirma el portavoz.",
        "Por su parte, una vecina del barrio y socia de la plataforma comenta que siguen"
        " “cientos de coches pitando toda la noche”.",
    )[-1] == ("cientos de coches pitando toda la noche", None)


def test_the_nearest_clause_introduces_the_quote() -> None:
    # Who told the crowd is the subject of the clause before the colon, not the man who
    # reports it; a place between a subject and its verb is skipped, a place before the
    # verb with the subject after it ("Auf …") is no subject.
    assert _found(
        "Okafor said he was on the quay when firefighters told the crowd: “Keep back from"
        " the edge.”"
    ) == [("Keep back from the edge.", "firefighters")]
    assert _found(
        "Das Haus war voll, wie eine Besucherin vor dem Konzert erzählt. „Hier haben wir"
        " früher jeden Sonntag getanzt, mit der ganzen Familie.“"
    ) == [
        ("Hier haben wir früher jeden Sonntag getanzt, mit der ganzen Familie.", "eine Besucherin")
    ]
    assert (
        _found(
            "Auf eine Frage der Reporter ließ Brandt sich nicht ein. „Dazu sage ich heute nichts"
            " mehr“, sagte er."
        )[0][1]
        != "eine Frage"
    )


def test_a_title_in_a_long_capitalised_run_leaves_the_name() -> None:
    assert _found(
        "The Harbour Board's Head of Coastal Safety and Port Security Commissioner Ida Marie"
        " Lund has warned for months that the channel silts up.",
        "She called the dredging plan “a job half done”.",
    ) == [("a job half done", "Commissioner Ida Marie Lund")]


def test_a_place_of_someone_is_no_person() -> None:
    # "Norway’s Lofoten" is named after Sara Vik spoke, but it is a place: "she" is still her.
    assert _found(
        "“We left on a Tuesday,” says Sara Vik, a ferry engineer. In 2019, after storms hit"
        " Norway’s Lofoten, Vik and many of her crew moved south. “We thought it would last a"
        " month,” she says."
    )[1] == ("We thought it would last a month", "Sara Vik")


def test_a_verb_known_by_its_form_before_what_was_said() -> None:
    # "opinó", "dejó claro" are in no list; a preterite before "que" introduces what its
    # subject said, however short the quoted words.
    assert _found(
        "La capitana, que ha rechazado dejar el puerto, opinó que la huelga “no acabará pronto”."
    ) == [("no acabará pronto", "La capitana")]
    assert _found("Ferrández dejó claro que el puerto “no cerrará” este invierno.") == [
        ("no cerrará", "Ferrández")
    ]


def test_a_role_opening_the_sentence_is_the_subject_of_the_verb_after_and() -> None:
    assert _found(
        "El director del Puerto propone que los barcos salgan antes y recalcó que la medida"
        " llega “demasiado tarde para este verano”."
    ) == [("demasiado tarde para este verano", "El director del Puerto")]


def test_a_preterite_after_the_quote_makes_the_next_word_its_subject() -> None:
    assert _found(
        "“No habrá pesca hasta marzo”, advirtió Arrieta, quien preside la cofradía desde 2019."
    ) == [("No habrá pesca hasta marzo", "Arrieta")]
    # The present tense is no verb by its form: an unknown word after it stays nobody
    # unless the clause ends with it (see the test of one word where the clause ends).
    assert _found("“No habrá pesca hasta marzo”, alerta Arrieta y otros patrones.") == [
        ("No habrá pesca hasta marzo", None)
    ]


def test_a_nordic_verb_before_a_role_its_complement_and_the_name() -> None:
    assert _found(
        "Spurt om tallene understreger leder for Havnerådet, Tove Aune Lid, ”at ingen båter"
        " skal miste plassen sin”."
    ) == [("at ingen båter skal miste plassen sin", "Tove Aune Lid")]


def test_a_statement_speaks_for_whose_statement_it_is() -> None:
    assert _found(
        "In einer Stellungnahme der Reederei hieß es: „Die Fähre fährt ab Montag wieder nach Plan.“"
    ) == [("Die Fähre fährt ab Montag wieder nach Plan.", "Reederei")]
    assert _found(
        "Last spring, a statement by a harbour spokesperson confirming the closure read:"
        " “The north quay will stay shut until the repairs are done.”"
    ) == [("The north quay will stay shut until the repairs are done.", "a harbour spokesperson")]


def test_a_clause_linked_by_but_or_aunque_keeps_the_subject() -> None:
    assert _found(
        "Arrieta, que lleva veinte años en la cofradía, opinó que la veda “llega tarde”,"
        " aunque agregó que “es mejor que nada”."
    ) == [("llega tarde", "Arrieta"), ("es mejor que nada", "Arrieta")]
    assert _found(
        "La patrona denunció la subida del gasóleo, advirtiendo que eso supondría “el fin de"
        " la flota”."
    ) == [("el fin de la flota", "La patrona")]


def test_a_subject_after_a_fronted_adverb_known_by_its_verb() -> None:
    # "Después, Arrieta publicó …": the adverb is skipped and the preterite shows the name
    # is the subject, so the quote later in the sentence is his.
    assert _found(
        "Posteriormente, Arrieta publicó una carta en la que contó que “nadie me avisó del"
        " cierre del puerto”."
    ) == [("nadie me avisó del cierre del puerto", "Arrieta")]


def test_a_quotation_interrupted_by_its_own_attribution() -> None:
    assert (
        _found(
            "« Impossible. Le quai est fermé depuis mars, explique Léa Morvan, capitaine du port."
            " Aucun bateau ne peut accoster. »"
        )[0][1]
        == "Léa Morvan"
    )
    assert (
        _found(
            "Léa Morvan dirige le port depuis dix ans. « Le quai est fermé, affirme-t-elle. Aucun"
            " bateau ne peut accoster. »"
        )[0][1]
        == "Léa Morvan"
    )


def test_pour_or_para_a_person_gives_whose_view_the_quote_is() -> None:
    assert _found("Pour la navigatrice, « fermer le port en plein été serait une erreur ».") == [
        ("fermer le port en plein été serait une erreur", "la navigatrice")
    ]
    # "Pour la première fois": a time, nobody's view.
    assert _found("Pour la première fois, « fermer le port en plein été serait une erreur ».") == [
        ("fermer le port en plein été serait une erreur", None)
    ]


def test_when_or_where_between_the_verb_and_its_subject() -> None:
    assert _found(
        "« Nous ne fermerons pas le port », a déclaré à cette occasion le maire de Douarnenez."
    ) == [("Nous ne fermerons pas le port", "le maire de Douarnenez")]


def test_a_reflexive_between_the_verb_and_its_subject() -> None:
    assert _found(
        "Ute Kramm leitet seit 2019 den Hafen. „Der Hafen bleibt offen“, ließ sich Kramm in"
        " einer Mitteilung zitieren."
    ) == [("Der Hafen bleibt offen", "Ute Kramm")]


def test_a_sentence_of_quotation_after_reported_speech_earlier_in_the_paragraph() -> None:
    # Ute Kramm's reported speech, a sentence of narration naming nobody, then her words.
    assert _found(
        "Ute Kramm, Leiterin des Hafens, sagte der Zeitung, dass es einen Notfallplan gibt."
        " Seit Samstag ist der Kran außer Betrieb. „Wir laden die Fähren von Hand.“"
    ) == [("Wir laden die Fähren von Hand.", "Ute Kramm")]
    # A pronoun opening the sentence is its subject, not a word after the verb.
    assert _found(
        "Ute Kramm leitet den Hafen. Er erklärte Radio Nord im Interview, der Kran sei kaputt."
        " „Wir laden die Fähren von Hand.“"
    ) != [("Wir laden die Fähren von Hand.", "Radio Nord")]


def test_where_the_words_are_written_says_them() -> None:
    assert _found(
        "„Der Hafen muss bis 2030 erneuert werden“, heißt es in dem Gutachten der Stadt."
    ) == [("Der Hafen muss bis 2030 erneuert werden", "dem Gutachten der Stadt")]
    assert _found("”Färjan ska gå varje timme året runt”, står det i avtalet.") == [
        ("Färjan ska gå varje timme året runt", "avtalet")
    ]


def test_a_paragraph_opening_with_words_then_a_sentence_about_their_speaker() -> None:
    assert _found(
        "„Die zweite Halbzeit war einfach großartig. Mehr kann man nicht verlangen.“"
        " Kapitänin Ida Marie Lund war nach dem Sieg bester Laune."
    ) == [
        (
            "Die zweite Halbzeit war einfach großartig. Mehr kann man nicht verlangen.",
            "Kapitänin Ida Marie Lund",
        )
    ]
    # Two people in that sentence: either may have said it.
    assert _found(
        "„Die zweite Halbzeit war einfach großartig.“ Kapitänin Ida Marie Lund umarmte"
        " Trainer Tom Ash nach dem Sieg."
    ) == [("Die zweite Halbzeit war einfach großartig.", None)]


def test_a_place_genitive_is_no_person_and_the_reporter_comes_after_the_speaker() -> None:
    # "Sør-Afrikas" is the country's genitive, "ifølge NTB" who reported it: "han" is the
    # president.
    assert _found(
        "Sør-Afrikas president Thabo Nkosi viste til avtalen, da han forklarte planen.",
        "– Vi må bygge flere havner langs kysten, sa han ifølge NTB.",
    ) == [("Vi må bygge flere havner langs kysten", "Thabo Nkosi")]


def test_german_reported_speech_goes_on_in_the_last_speakers_voice() -> None:
    assert _found(
        "Die Hafenforscherin Ute Kramm lobt den Ausschuss. „Die Gespräche waren sachlich und"
        " gingen den Dingen auf den Grund.“",
        "Auch die Reedereien hätten „konstruktiv und ohne jeden Vorbehalt mitgearbeitet“. Die"
        " Mängel der Kaianlage seien aber deutlich geworden.",
    )[-1] == ("konstruktiv und ohne jeden Vorbehalt mitgearbeitet", "Ute Kramm")
    # With nobody speaking before, reported speech alone names nobody.
    assert _found(
        "Rauer Seegang hatte den Steg beschädigt.",
        "Der Steg hätten „eine sehr große Menge an Gütern an Land gebracht“. Die Mängel der"
        " Kaianlage seien aber deutlich geworden.",
    )[-1] == ("eine sehr große Menge an Gütern an Land gebracht", None)


def test_a_possessive_set_with_an_opening_mark_is_still_a_possessive() -> None:
    assert _found(
        "Speaking at the fair, Okafor‘s sister confirmed, “We will sail again in May.”"
    ) == [("We will sail again in May.", "Okafor‘s sister")]


def test_a_list_of_places_is_no_person_for_a_left_out_subject() -> None:
    # "Vigo, Gijón y Bilbao" are what the plan would close, not someone who could speak.
    assert _found(
        "El plan podría ser -añadió- cerrar los puertos de Vigo, Gijón y Bilbao en invierno."
        " “Nadie sabe qué pasará”, insistió."
    ) == [("Nadie sabe qué pasará", None)]


def test_where_a_speaker_is_from_is_not_who_speaks() -> None:
    # The words after "from", "in" and "vom" say where the subject works, not who talks.
    assert _found(
        "Mira Holt from the Harbour Trust in North Quay says: “The tide gauges were never"
        " calibrated.”"
    ) == [("The tide gauges were never calibrated.", "Mira Holt")]
    assert _found(
        "Jonas Berg vom Institut für Seefahrt meint dazu: „Die neue Fähre ist zu schwer für"
        " den Anleger.“"
    ) == [("Die neue Fähre ist zu schwer für den Anleger.", "Jonas Berg")]
    # A surname that opens with its particle stays one name.
    assert _found("Anke von der Heide sagte am Montag: „Wir bauen den Kai im Winter neu.“") == [
        ("Wir bauen den Kai im Winter neu.", "Anke von der Heide")
    ]


def test_a_participle_speaks_for_the_subject_of_its_sentence() -> None:
    # No comma before "diciendo": the words before it ("en la radio") are where, and the
    # participle has no subject of its own.
    assert _found(
        "El capitán del puerto, Tomás Vidal, respondió a la pregunta del alcalde en la radio"
        " diciendo: «No hay peligro alguno para los barcos.»"
    ) == [("No hay peligro alguno para los barcos.", "Tomás Vidal")]
    assert _found(
        "Durante la visita al muelle, el capitán continuó diciendo: «Las grúas son viejas"
        " y lentas.»"
    ) == [("Las grúas son viejas y lentas.", "el capitán")]


def test_a_colon_after_a_thing_names_nobody() -> None:
    # "Das Urteil", "En revanche": a determiner and a noun that is no person's.
    assert _found("Das Urteil der Jury fiel knapp aus: „Wir hatten zu wenig Zeit für alles.“") == [
        ("Wir hatten zu wenig Zeit für alles.", None)
    ]
    assert _found(
        "En revanche, le conseil a changé d'avis : « Nous rouvrirons le quai en mai. »"
    ) == [("Nous rouvrirons le quai en mai.", None)]
    # A role whose noun is a person's, an adjective before it, still speaks.
    assert _found("Eine junge Schneiderin, müde: „Ich nähe seit sechs Uhr früh.“") == [
        ("Ich nähe seit sechs Uhr früh.", "Eine junge Schneiderin")
    ]


def test_a_lead_that_ends_in_its_own_attribution_speaks_for_its_subject() -> None:
    # Verbs no list holds ("se souvient", "minnes"): their place after a comma says it.
    assert _found(
        "Le port a longtemps douté, se souvient Mme Lebrun, qui détaille : « Personne ne"
        " voulait des grues électriques. »"
    ) == [("Personne ne voulait des grues électriques.", "Lebrun")]
    assert _found(
        "Nadia Holm har bodd på øya i tretti år.",
        "Vinteren i fjor var lang og mørk, minnes hun: «Vi så ikke sola på to måneder.»",
    ) == [("Vi så ikke sola på to måneder.", "Nadia Holm")]


def test_an_honorific_or_an_abbreviated_title_keeps_the_name_whole() -> None:
    assert _found("« Le quai est trop court », regrette Mme Lebrun.") == [
        ("Le quai est trop court", "Lebrun")
    ]
    assert _found(
        "“The dredging contract was never put out to tender,” said Rep. Ana Ruiz (D-OR),"
        " who chairs the harbour panel."
    ) == [("The dredging contract was never put out to tender", "Ana Ruiz")]


def test_a_relative_clause_after_commas_still_leaves_its_subject_speaking() -> None:
    # Two phrases of when before the subject, a relative clause naming a group after it:
    # the group is what the subject called himself, not who speaks.
    assert _found(
        "Tres días después de la votación, al inicio de las fiestas, el pescador Tomás Gil,"
        " quien se autodenominó como miembro de Puertos Unidos y se presentaba en fotografías"
        " con concejales, aseguró que presentaría ante la Fiscalía, «una queja formal» contra"
        " la naviera."
    ) == [("una queja formal", "Tomás Gil")]


def test_the_clause_before_a_colon_speaks_through_its_own_subject() -> None:
    # "publicó" is in no list; the full name opening the clause before the colon is its
    # subject, not the phrase of how ("A través de la …") that opens the sentence.
    assert _found(
        'A través de la "cuenta oficial del club", Marta Gil publicó en la red: «Hoy'
        " cerramos el astillero para siempre.»"
    ) == [("Hoy cerramos el astillero para siempre.", "Marta Gil")]


def test_a_quantifier_opening_a_sentence_is_nobody() -> None:
    # "Jeder Matrose" looks like two capitalised words of a name; it is everyone, and the
    # pronoun goes back to the one person the paragraph is about.
    assert _found(
        "Kapitänin Mette Lund zeigt das Deck und die Brücke. Jeder Matrose hier kenne seinen"
        " Platz, erklärt die Chefin. „Wir legen um sechs Uhr ab“, sagt sie."
    ) == [("Wir legen um sechs Uhr ab", "Kapitänin Mette Lund")]


def test_a_statement_from_someone_is_theirs() -> None:
    assert _found(
        "Die Pendler klagen seit Wochen über Verspätungen auf der Linie. Von Nordfähre heißt es"
        " zu den Klagen: „Wir prüfen den Fahrplan für den Winter.“"
    ) == [("Wir prüfen den Fahrplan für den Winter.", "Nordfähre")]
    assert _found("Von der Reederei heißt es dazu: „Die neue Fähre kommt im Mai.“") == [
        ("Die neue Fähre kommt im Mai.", "der Reederei")
    ]


def test_someone_who_wrote_in_an_aside_is_not_the_voice_speaking() -> None:
    # Between dashes, the harbour master's writing is an aside; "she" is still Ingrid Voss.
    assert _found(
        "“The first winter was the hardest,” Ingrid Voss said.",
        "Hard as that sounds for a town of sailors — the old harbour master wrote about the"
        " same storms in his memoir — Voss was not ready to leave. “I stayed because of the"
        " light,” she said.",
    ) == [
        ("The first winter was the hardest", "Ingrid Voss"),
        ("I stayed because of the light", "Ingrid Voss"),
    ]


def test_a_person_introduced_by_a_noun_is_who_sie_means() -> None:
    # "Eine Frau" opens the sentences that "Sie" continues; the capitalised boat named in
    # the paragraph before is no candidate once the paragraph is about her.
    assert _found(
        "Am Kai wartet die Aurora Borealis seit Stunden auf Wind.",
        "Eine Frau steigt aus dem Bus. Sie arbeitet seit Jahren im Hafen. Sie findet den Streik"
        " zwar ärgerlich, aber richtig: „Die Löhne sind einfach zu niedrig.“",
    ) == [("Die Löhne sind einfach zu niedrig.", "Eine Frau")]


def test_an_unresolved_pronoun_ends_the_voice_before_it() -> None:
    # "sagt er" is the harbour master the sentence before ended on; the reported speech after
    # it is his.
    assert _found(
        "Wird der Streik am Hafen Folgen haben? „Die Fähre fährt bald wieder“, sagt der Lotse."
        " Viele Pendler bleiben trotzdem ruhig.",
        "So auch der Hafenmeister von Kragsø, Ole Marten. „Wir haben lange gewartet“, sagt er."
        " Doch der Winter habe ihn „müde gemacht, zumal niemand half“.",
    ) == [
        ("Die Fähre fährt bald wieder", "der Lotse"),
        ("Wir haben lange gewartet", "Ole Marten"),
        ("müde gemacht, zumal niemand half", "Ole Marten"),
    ]
    # Two men the pilot met: "er" may be any of the three, and the reported speech after it
    # is not the pilot's by default.
    assert _found(
        "Wird der Streik am Hafen Folgen haben? „Die Fähre fährt bald wieder“, sagt der Lotse."
        " Später traf er Ole Marten und Jan Holm am Kai.",
        "„Wir haben lange gewartet“, sagt er. Doch der Winter habe ihn „müde gemacht, zumal"
        " niemand half“.",
    ) == [
        ("Die Fähre fährt bald wieder", "der Lotse"),
        ("Wir haben lange gewartet", None),
        ("müde gemacht, zumal niemand half", None),
    ]


def test_words_one_can_read_somewhere_are_not_the_voice_before() -> None:
    # "peut-on lire" after a clause whose own subject ("Lemoine") the rules cannot place:
    # nobody, neither the mayor who spoke before nor the "Il" opening the sentence.
    assert _found(
        "« Le quai restera fermé tout l’hiver », a annoncé le maire Paul Dumas. Il n’aura pas"
        " fallu une semaine pour que Lemoine révèle la suite : « Le chantier coûtera le double"
        " de ce qui était prévu », peut-on lire."
    ) == [
        ("Le quai restera fermé tout l’hiver", "Paul Dumas"),
        ("Le chantier coûtera le double de ce qui était prévu", None),
    ]
    # A quotation opening its sentence, then "hieß es": the voice of the sentence before.
    assert _found(
        "Die Besatzung stammt aus Norwegen. Das Ministerium forderte eine Heimkehr der"
        " Seeleute. „Wir verlangen eine humane Behandlung der ganzen Crew“, hieß es."
    ) == [("Wir verlangen eine humane Behandlung der ganzen Crew", "Das Ministerium")]


def test_a_sentence_of_plural_verbs_is_not_the_voice_before() -> None:
    assert _found(
        "«Las obras empiezan en junio», explica Rosa Vidal. Desde la Plataforma protestan"
        " desde hace meses, ya que no entienden «por qué nadie les consultó antes de cerrar"
        " el paso»."
    ) == [
        ("Las obras empiezan en junio", "Rosa Vidal"),
        ("por qué nadie les consultó antes de cerrar el paso", "Plataforma"),
    ]


def test_a_body_named_with_fuer_is_named_whole() -> None:
    # Never a fragment: "Das Institut" alone is half of the body's name.
    assert _found(
        "Das Institut für Seefahrt warnt allerdings vor „dauerhaften Schäden am Rumpf“."
    ) == [("dauerhaften Schäden am Rumpf", "Das Institut für Seefahrt")]


def test_a_business_is_nobody_a_pronoun_can_mean() -> None:
    assert _found(
        "For hende handler Havnens Bistro ikke bare om mad.",
        "»Jeg voksede op lige her ved kajen, og jeg ville aldrig flytte,« fortæller hun.",
    ) == [("Jeg voksede op lige her ved kajen, og jeg ville aldrig flytte", None)]


def test_a_pronoun_followed_by_more_words_is_still_the_subject() -> None:
    assert _found(
        "„Der Kai ist zu kurz“, sagte Ole Marten.",
        "„Wir brauchen zwanzig Meter mehr“, sagte er weiter.",
    ) == [("Der Kai ist zu kurz", "Ole Marten"), ("Wir brauchen zwanzig Meter mehr", "Ole Marten")]
    assert _found(
        "Ana Roe has run the ferry for a decade.",
        "Speaking through an interpreter she added: “We will sail again in May.”",
    ) == [("We will sail again in May.", "Ana Roe")]


def test_words_between_the_verb_and_its_subject_that_say_whose_turn_it_is() -> None:
    assert _found(
        "« Le quai est trop court », estime Paul Dumas. « Il faudra l’allonger », résume"
        " quant à elle Claire Roy, architecte."
    ) == [("Le quai est trop court", "Paul Dumas"), ("Il faudra l’allonger", "Claire Roy")]


def test_a_pronoun_is_not_the_person_the_quotation_talks_about() -> None:
    # "Mette og jeg": Mette is who she talks about, not who talks.
    assert _found(
        "Her sejlede hun ofte sammen med sin veninde Mette Lund.",
        "»Mette og jeg byggede båden selv af gammelt drivtømmer,« fortæller hun.",
    ) == [("Mette og jeg byggede båden selv af gammelt drivtømmer", None)]


def test_an_unplain_pronoun_after_the_quote_is_whom_the_colon_introduced() -> None:
    assert _found(
        "„Die Brücke hält“, sagte Jan Holm, Leiter der Werft.",
        "Einen Zusammenhang mit dem Sturm sieht Ole Marten, Chef der Fährlinie: „Der Wind war"
        " zu stark für das Schiff“, sagte er mit Blick auf den Kai.",
    ) == [("Die Brücke hält", "Jan Holm"), ("Der Wind war zu stark für das Schiff", "Ole Marten")]


def test_one_word_after_an_unlisted_verb_is_a_person_where_the_clause_ends() -> None:
    assert _found("„Die Flut kam mitten in der Nacht“, grübelt Brandt.") == [
        ("Die Flut kam mitten in der Nacht", "Brandt")
    ]
    assert _found("« Le port ne dort jamais », glisse Inès, docker depuis vingt ans.") == [
        ("Le port ne dort jamais", "Inès")
    ]
    assert _found("„Die Flut kam mitten in der Nacht“, grübelt Brandt vor dem Haus.") == [
        ("Die Flut kam mitten in der Nacht", "Brandt")
    ]
    # Two people after the verb: neither alone.
    assert _found("« Le port ne dort jamais », glissent Inès et Paul en riant.") == [
        ("Le port ne dort jamais", None)
    ]


def test_reported_speech_goes_on_in_the_voice_of_its_speaker() -> None:
    # German's subjunctive ("Er mache") carries the last speaker's voice, however many
    # people his reported words name.
    assert _found(
        "„Der Kai ist zu alt für die neuen Fähren“, sagte Ole Marten. Er mache der Stadt keinen"
        " Vorwurf, wohl aber dem Bauamt und Senatorin Ina Krull, die den «maroden Zustand»"
        " hinnähmen."
    ) == [
        ("Der Kai ist zu alt für die neuen Fähren", "Ole Marten"),
        ("maroden Zustand", "Ole Marten"),
    ]


def test_an_unlisted_verb_after_a_comma_inside_the_quote_marks() -> None:
    # The comma stands inside the marks (“…,”), as English sets it.
    assert _found("“The ferry is the island’s lifeline, not a luxury,” Ana Roe shares.") == [
        ("The ferry is the island’s lifeline, not a luxury", "Ana Roe")
    ]


def test_an_abbreviation_inside_the_apposition_ends_no_clause() -> None:
    assert _found(
        "“The harbour will stay open all winter,” Ana Roe, the U.S. consul in the port city,"
        " said in a statement."
    ) == [("The harbour will stay open all winter", "Ana Roe")]


def test_an_and_inside_a_description_joins_no_two_people() -> None:
    assert _found(
        "“The quay must be rebuilt before the storms,” minister of harbours and fisheries Ana"
        " Roe told the council."
    ) == [("The quay must be rebuilt before the storms", "Ana Roe")]
    # Two people joined by "and" are neither of them alone.
    assert _found("“The quay must be rebuilt,” Ana Roe and Tom Ash told the council.") == [
        ("The quay must be rebuilt", None)
    ]


def test_a_short_phrase_a_verb_attributes_is_a_quotation_even_when_nobody_is_named() -> None:
    # The subject opening the sentence classes the words; nothing says who rejected them.
    assert _found("Der Verband hält die Pläne für den Kai für „kaum umsetzbar“.") == [
        ("kaum umsetzbar", "Der Verband")
    ]
    assert _found(
        "On Tuesday the plan was rejected by the board of the port as “unworkable” and costly."
    ) == [("unworkable", None)]
    # Not the voice of the quotation after it either.
    assert _found(
        "Le conseil l’a classé « dangereux » en 2015. « Le quai doit fermer tout de suite »,"
        " précise l’ingénieure Ana Roe."
    ) == [("dangereux", None), ("Le quai doit fermer tout de suite", "Ana Roe")]
    # A name in quotation marks is still no quotation.
    assert _found("The ferry “Nordlys” was classed as a wreck in 2015.") == []


def test_a_line_of_dash_dialogue_ends_before_a_verb_no_list_holds() -> None:
    assert _found(
        "– Jeg mistet åren midt i sundet, innrømmer Fredrik, som ikke liker å snakke om det."
    ) == [("Jeg mistet åren midt i sundet", "Fredrik")]
    assert _found("– Vi ror hjem i kveld, utbryter Dahle.") == [("Vi ror hjem i kveld", "Dahle")]
    # A conjunction after the comma opens more of the line, not its attribution.
    assert _found("– Vi ror hjem i kveld, men det blir sent før vi er fremme ved brygga.") == [
        ("Vi ror hjem i kveld, men det blir sent før vi er fremme ved brygga.", None)
    ]


def test_a_paragraph_that_opens_a_quotation_never_closed_in_it() -> None:
    # English leaves the closing mark off a paragraph when the speech goes on after it.
    assert _found(
        "Ana Roe said the harbour would reopen in the spring.",
        "“We have waited long enough for this. The boats are ready.",
    ) == [("We have waited long enough for this. The boats are ready.", "Ana Roe")]
    # Its own attribution ends it, as a dash line's does.
    assert _found("Ane Holm ejer færgen.", "»Vi åbner havnen igen i maj, siger hun.") == [
        ("Vi åbner havnen igen i maj", "Ane Holm")
    ]
    # A closing mark of another style is still its end: “…"
    assert _found('“Nadie esperaba un invierno tan suave en la costa"') == [
        ("Nadie esperaba un invierno tan suave en la costa", None)
    ]


def test_a_clause_that_points_back_at_the_words_attributes_them() -> None:
    assert _found(
        "La maire Claire Dumas a visité le chantier du port vendredi. « Un gâchis », c’est"
        " ainsi qu’elle a qualifié les travaux, estimant que le retard était « inacceptable »."
    ) == [("Un gâchis", "Claire Dumas"), ("inacceptable", "Claire Dumas")]


def test_it_sounds_after_a_line_of_dialogue_is_the_voice_before() -> None:
    # "lyder det" ("so it goes") names nobody new: the line goes on in the voice that the
    # paragraph before ended on.
    assert _found(
        "Spurgt om ruten understreger havnechef Ane Holm, ”at færgen sejler hele vinteren”.",
        "– Vi har bestilt en ny færge, og den kommer i maj, lyder det.",
    ) == [
        ("at færgen sejler hele vinteren", "Ane Holm"),
        ("Vi har bestilt en ny færge, og den kommer i maj", "Ane Holm"),
    ]


def test_a_name_opening_a_sentence_of_what_someone_thinks_is_the_voice() -> None:
    # "geht davon aus, dass": no verb of speech, but the clause after the comma is what
    # Ole Marten thinks, and the quotation after it is his.
    assert _found(
        "Hafenmeister Ole Marten geht davon aus, dass die Fähre im Mai wieder fährt. Für den"
        " Winter brauche es zudem einen zweiten Kai. „Ohne ihn stehen wir still.“"
    ) == [("Ohne ihn stehen wir still.", "Hafenmeister Ole Marten")]


def test_a_phrase_in_marks_inside_a_line_of_dialogue_is_part_of_the_line() -> None:
    assert _found(
        "– Vi er våte hele døgnet, og noen ganger tenker jeg at «ubåt langs kysten» hadde vært"
        " et bedre navn på turen, sier Fredrik."
    ) == [
        (
            "Vi er våte hele døgnet, og noen ganger tenker jeg at «ubåt langs kysten» hadde vært"
            " et bedre navn på turen",
            "Fredrik",
        )
    ]
    # Speech the line reports keeps its own speaker.
    assert _found(
        "– Jeg trodde det var slutt. Men da sa treneren min «Det er ikke over ennå», sier Holm."
    ) == [("Det er ikke over ennå", "treneren")]


def test_a_dash_line_before_an_unlisted_verb_a_title_and_a_name() -> None:
    assert _found(
        "– Det var ikke uvanlig at kapteinen sov om bord, uttalte aktor Ane Holm i retten."
    ) == [("Det var ikke uvanlig at kapteinen sov om bord", "Ane Holm")]


def test_they_after_a_line_is_a_group_and_the_paper_after_them_reported_it() -> None:
    # "enligt Aftonposten" is who reported the chant, "de" who chanted it: nobody by name.
    assert _found("– Släpp honom fri! skanderade de, enligt Aftonposten.") == [
        ("Släpp honom fri!", None)
    ]


def test_a_surname_before_an_adverb_and_a_verb_of_speech_is_a_person() -> None:
    assert _found(
        "Holm first called the harbour plan a waste of money on Monday.",
        "“It will sink the whole town with it,” he wrote on his blog.",
    ) == [("It will sink the whole town with it", "Holm")]


def test_a_verb_after_according_to_then_who() -> None:
    assert _found(
        "Según informó la capitanía a este diario, se comprobó “una fuga de gasóleo en el"
        " muelle norte”."
    ) == [("una fuga de gasóleo en el muelle norte", "la capitanía")]


def test_a_pronoun_after_the_verb_beats_the_phrase_fronted_before_it() -> None:
    # German puts the verb second: "Über seine Entlassung" is where, "er" who.
    assert _found(
        "Der Fischer Jonas Brandt war drei Wochen auf See verschollen.",
        "Über seine Rettung sagte er: „Ich habe den Leuchtturm zweimal gezählt.“",
    ) == [("Ich habe den Leuchtturm zweimal gezählt.", "Jonas Brandt")]
    # Two men in reach: "er" could be either, so nobody.
    assert _found(
        "Jonas Brandt und Pieter Holm waren drei Wochen auf See verschollen.",
        "Über die Rettung sagte er: „Ich habe den Leuchtturm zweimal gezählt.“",
    ) == [("Ich habe den Leuchtturm zweimal gezählt.", None)]


def test_the_subject_after_a_german_auxiliary_speaks() -> None:
    assert _found(
        "Dass der Hafen schließt, war „nie geplant“, hat Brandt der Lokalzeitung im"
        " vergangenen Winter erzählt: „Wir wollten nur die Mole erneuern.“"
    )[-1] == ("Wir wollten nur die Mole erneuern.", "Brandt")


def test_a_month_or_a_season_is_nobody() -> None:
    # Neither the ordinal "13." ending a sentence nor "Oktober" opening one makes a person.
    assert _found(
        "Am 13. Oktober wurde er schließlich an Land gebracht.",
        "Über die Rettung sagte er: „Ich habe den Leuchtturm zweimal gezählt.“",
    ) == [("Ich habe den Leuchtturm zweimal gezählt.", None)]


def test_a_description_by_age_or_as_a_man_stands_for_the_person_named_before() -> None:
    assert _found(
        "Der Fährmann Jonas Brandt bat um Entschuldigung. „Das hätte nie passieren dürfen“,"
        " schrieb der 58 Jahre alte Kapitän und Vorsitzende des Vereins."
    ) == [("Das hätte nie passieren dürfen", "Jonas Brandt")]
    assert _found(
        "Drei Wochen war Jonas Brandt auf See verschollen. Im Radio hat der inzwischen"
        " 58 Jahre alte Mann über die Rettung berichtet.",
        "„Wir hatten kein Wasser mehr“, sagt er.",
    ) == [("Wir hatten kein Wasser mehr", "Jonas Brandt")]
    assert _found("Lena Roe spent three weeks adrift. “We had no water left,” the woman said.") == [
        ("We had no water left", "Lena Roe")
    ]
    # Two women before "the woman": the description stays a role.
    assert _found(
        "Lena Roe and Ida Lund spent three weeks adrift. “We had no water left,” the woman said."
    ) == [("We had no water left", "the woman")]


def test_a_german_noun_before_a_name_is_not_part_of_it() -> None:
    # "Die erfahrene Seglerin", "dem regionalen Sender": an article and an adjective, so the
    # first capital is a noun and the name comes after it.
    assert _found(
        "Die erfahrene Seglerin Lena Roe kam als Erste an. „Der Wind drehte zweimal“, sagte"
        " sie dem regionalen Sender Radio Nord."
    ) == [("Der Wind drehte zweimal", "Lena Roe")]


def test_a_relative_clause_or_a_thing_is_never_a_german_speaker() -> None:
    # "die man ihm genommen habe" has no noun; "Die lange Flaute" is a thing, not a name:
    # "der Mann" stands for Brandt.
    assert _found(
        "Jonas Brandt war drei Wochen auf See verschollen.",
        "Die lange Flaute, die man ihm vorhergesagt habe, sei nie gekommen, sagt der Mann:"
        " keine Stunde. „Wir hatten jeden Tag Wind.“",
    ) == [("Wir hatten jeden Tag Wind.", "Jonas Brandt")]


def test_a_described_speaker_is_the_one_who_just_spoke_when_nobody_came_between() -> None:
    assert _found(
        "„Die Fähre fährt bis Oktober“, sagt Jonas Brandt. „Dann kommt das Eis“, sagt der Hafenmeister."
    ) == [("Die Fähre fährt bis Oktober", "Jonas Brandt"), ("Dann kommt das Eis", "Jonas Brandt")]
    # Someone else was named between: the description may be them, so it stays a role.
    assert _found(
        "„Die Fähre fährt bis Oktober“, sagt Jonas Brandt. Auch Pieter Holm war dabei. „Dann"
        " kommt das Eis“, sagt der Hafenmeister."
    )[-1] == ("Dann kommt das Eis", "der Hafenmeister")
    # A spokesperson is someone new speaking for others, and a body is no person.
    assert _found(
        "„Die Fähre fährt bis Oktober“, sagt Jonas Brandt. „Wir prüfen das“, sagt der Sprecher."
    )[-1] == ("Wir prüfen das", "der Sprecher")


def test_a_german_noun_after_a_possessive_or_an_adjective_is_nobody() -> None:
    # "von seinem Wohnort Kiel", "in erster Linie Fähren": nouns, so Jonas Brandt is the one
    # person a pronoun can mean.
    assert _found(
        "Jonas Brandt fährt von seinem Wohnort Kiel aus. Es fehlen in erster Linie Fähren.",
        "„Ich warte jeden Tag“, sagt er.",
    ) == [("Ich warte jeden Tag", "Jonas Brandt")]


def test_a_role_noun_and_its_complement_are_not_a_name() -> None:
    # "der Hafenchef von Nordmole" is a role and where; "der Arzt Lena Roe" a role and a name.
    assert _found(
        "„Wir warten auf den Wind“, sagt Jonas Brandt, der Hafenchef von Nordmole. „Das kann"
        " dauern.“"
    ) == [("Wir warten auf den Wind", "Jonas Brandt"), ("Das kann dauern.", "Jonas Brandt")]
    assert _found("„Trinken Sie viel Wasser“, sagt der Arzt Lena Roe gegenüber dem Sender.") == [
        ("Trinken Sie viel Wasser", "Lena Roe")
    ]


def test_an_abstract_german_noun_is_never_a_name() -> None:
    # "Nach Einschätzung von Fachleuten": the rules must not meet "Einschätzung von
    # Fachleuten" as someone "er" could mean.
    assert _found(
        "Jonas Brandt war lange auf See. Nach Einschätzung von Fachleuten war er erschöpft.",
        "„Ich habe nur geschlafen“, sagt er.",
    ) == [("Ich habe nur geschlafen", "Jonas Brandt")]


def test_a_role_of_a_body_is_who_speaks_not_the_body() -> None:
    # "fuentes de Montecon": the sources speak, of the company; a phrase cut off after its
    # head ("[una fuente al] interior de la Comisión") names nobody rather than the body.
    assert _found(
        "En tanto, fuentes de Marlinsa dijeron a la radio que “la empresa cerrará el muelle”."
    ) == [("la empresa cerrará el muelle", "fuentes de Marlinsa")]
    assert _found(
        "Una fuente al interior de la Comisión de Puertos señala que “el muelle no cerrará”."
    ) == [("el muelle no cerrará", None)]


def test_an_aside_in_brackets_after_a_quote_is_no_attribution() -> None:
    assert _found(
        "«Wir fahren trotzdem», schreibt Brandt in seinem Blog. «Wer hält uns auf?» (DER"
        " HAFEN berichtete bereits über die Sperrung.)"
    ) == [("Wir fahren trotzdem", "Brandt"), ("Wer hält uns auf?", "Brandt")]


def test_a_paragraph_of_quotation_in_the_first_person_is_the_person_just_described() -> None:
    assert _found(
        "Som barn boede Lena Roe ved havnen, og hun blev fascineret af skibene.",
        "»Jeg kom ned på kajen hver dag efter skole.«",
    ) == [("Jeg kom ned på kajen hver dag efter skole.", "Lena Roe")]
    # Two people described: either could speak, so nobody.
    assert _found(
        "Som børn boede Lena Roe og Ida Lund ved havnen.",
        "»Jeg kom ned på kajen hver dag efter skole.«",
    ) == [("Jeg kom ned på kajen hver dag efter skole.", None)]
    # Two people, and the quotation names one of them: the other is speaking.
    assert _found(
        "Som børn boede Lena Roe og Ida Lund ved havnen.",
        "»Ida og jeg kom ned på kajen hver dag efter skole.«",
    ) == [("Ida og jeg kom ned på kajen hver dag efter skole.", "Lena Roe")]


def test_according_to_with_its_verb_after_a_quote_names_the_speaker() -> None:
    assert _found("Las familias “se sienten expulsadas”, según asegura Roe.") == [
        ("se sienten expulsadas", "Roe")
    ]


def test_according_to_someone_opening_the_sentence_gives_their_words() -> None:
    assert _found(
        "According to port inspectors, the ferry company “has ignored every warning.”"
    ) == [("has ignored every warning.", "port inspectors")]
    # A verb of speech in the sentence names who spoke instead.
    assert _found(
        "According to the pilots, the harbour master Ana Roe said: “We will reopen.”"
    ) == [("We will reopen.", "Ana Roe")]


def test_a_body_spoken_for_in_spanish_is_the_speaker() -> None:
    assert _found(
        "Desde la Cofradía reclaman que el puerto se dragara, ya que no entienden “por qué"
        " se espera tanto”."
    ) == [("por qué se espera tanto", "Cofradía")]


def test_a_reply_from_someone_introduces_the_quotation_after_it() -> None:
    assert _found(
        "I asked the ferry company whether the route would close. Later, I got a reply from"
        " a company representative.",
        "“The winter timetable keeps every crossing we run today.”",
    ) == [("The winter timetable keeps every crossing we run today.", "a company representative")]


def test_the_subject_after_a_german_verb_of_holding_calls_the_words() -> None:
    assert _found("Schäden am Kai hält der Gutachter für „sehr wahrscheinlich“.") == [
        ("sehr wahrscheinlich", "der Gutachter")
    ]


def test_an_english_article_after_the_verb_opens_the_role() -> None:
    # Spanish "a" is "to" ("pidió a la población"); English "said a pilot" is who.
    assert _found("“The channel is silting up,” said a pilot on the harbour radio.") == [
        ("The channel is silting up", "a pilot")
    ]


def test_a_lowercase_particle_opens_a_surname_after_a_germanic_verb() -> None:
    assert _found("Die Fähre sei zu teuer, sagt van der Berg. „Und sie fährt zu selten.“") == [
        ("Und sie fährt zu selten.", "van der Berg")
    ]


def test_a_title_the_quotation_names_does_not_make_its_speaker_someone_else() -> None:
    # "As Governor" inside the quote is no reason to doubt that "He" is Governor Ana Roe's.
    assert _found(
        "Governor Tom Roe made the announcement this afternoon.",
        "He said: “As Governor, I have asked for a full inquiry.”",
    ) == [("As Governor, I have asked for a full inquiry.", "Governor Tom Roe")]


def test_a_german_abstract_noun_with_von_dem_is_nobody() -> None:
    # "Transparenz von dem Konzern" reads like "Hans von dem Bussche"; it is a demand.
    assert _found(
        "Tom Brandt nennt den Vorfall ernst. Er fordert Transparenz von dem Konzern. „Die"
        " Kunden müssen es erfahren“, sagte er."
    )[-1] == ("Die Kunden müssen es erfahren", "Tom Brandt")


def test_people_by_their_plural_after_the_verb_speak() -> None:
    assert _found("“The tides have changed,” said researchers at the station.") == [
        ("The tides have changed", "researchers")
    ]


def test_a_name_before_a_long_apposition_and_the_verb_speaks() -> None:
    assert _found(
        "“We have no fuel left,” Dr. Ana Roe, the director of the harbour hospital on the north"
        " shore of the bay, said in an interview last week."
    ) == [("We have no fuel left", "Ana Roe")]


def test_a_pull_quote_signed_after_its_text_is_the_signers() -> None:
    finder = QuoteFinder()
    finder.feed("The harbour has changed more in ten years than in the fifty before.")
    run_on = finder.block_quote("Il faut du temps pour tout.Marie Duval")
    assert (run_on.text, run_on.speaker) == ("Il faut du temps pour tout.", "Marie Duval")
    own_line = finder.block_quote("Il faut du temps pour tout.\nMarie Duval")
    assert (own_line.text, own_line.speaker) == ("Il faut du temps pour tout.", "Marie Duval")
    # A body run on after the text is a credit, not who spoke.
    credited = finder.block_quote("Le port ferme en hiver.European Commission")
    assert credited.speaker is None


def test_a_full_name_set_off_before_the_colon_speaks() -> None:
    assert _found(
        "Alle werden nach Kiel schauen, auch er, Jonas Brandt: «Ich fahre seit zwanzig Jahren"
        " Fähre.»"
    ) == [("Ich fahre seit zwanzig Jahren Fähre.", "Jonas Brandt")]


def test_a_title_makes_one_word_a_person_and_sie_may_mean_her() -> None:
    # "Frau Roe" is someone even without a verb after her; "sie" is she or they, so it may
    # mean her.
    assert _found(
        "Inzwischen hat Frau Roe eingelenkt. Sie liebe den Hafen „auch bei Nebel“, ließ sie"
        " verlauten."
    ) == [("auch bei Nebel", "Roe")]


def test_the_subject_after_a_german_verb_of_calling_calls_the_words() -> None:
    assert _found(
        "Die Seglerin Lena Roe kam als Letzte an. Danach bezeichnete sie den Hafen als die"
        " „windigste Ecke“ der Küste."
    ) == [("windigste Ecke", "Lena Roe")]


def test_a_speech_opened_after_a_colon_and_never_closed_goes_to_the_paragraphs_end() -> None:
    # British papers leave the mark open when the speech goes on in the next paragraph.
    assert _found(
        "The harbour master Ana Roe said on the radio: “The channel will stay closed until"
        " the dredger has finished its work."
    ) == [("The channel will stay closed until the dredger has finished its work.", "Ana Roe")]
    # A mark closed later in the paragraph is an ordinary quotation.
    assert _found("Ana Roe said: “The channel stays closed,” and left.") == [
        ("The channel stays closed", "Ana Roe")
    ]


def test_a_verb_of_speech_is_heard_in_every_person_and_tense() -> None:
    # Plurals, perfects with "han", "hanno", "ont", and verbs only ever met in another
    # tense before: each names its subject.
    assert _found(
        "Los vecinos del puerto dicen que el muelle “no aguantará otro invierno”.",
        "Gli abitanti hanno chiesto al comune «un piano per il porto».",
        "Les marins ont déclaré que le quai était « trop vieux ».",
        "Ana Roe sang, “The tide will turn.”",
    ) == [
        ("no aguantará otro invierno", "Los vecinos del puerto"),
        ("un piano per il porto", "Gli abitanti"),
        ("trop vieux", "Les marins"),
        ("The tide will turn.", "Ana Roe"),
    ]


def test_a_plural_verb_without_its_subject_is_not_the_last_speaker() -> None:
    # "dicen" has no subject: a group says it, not Ana Roe, who spoke before.
    assert _found(
        "“El muelle cerrará”, afirmó Ana Roe.",
        "“No hay dinero para repararlo”, dicen desde el puerto.",
    ) == [("El muelle cerrará", "Ana Roe"), ("No hay dinero para repararlo", None)]


def test_a_left_out_subject_in_a_new_paragraph_about_one_other_person_is_that_person() -> None:
    assert _found(
        "«Il porto riapre a maggio», ha detto Ana Roe.",
        "Soddisfatto per la notizia si è detto Marco Bassi. «Finalmente una buona notizia»,"
        " ha scritto su X.",
    ) == [("Il porto riapre a maggio", "Ana Roe"), ("Finalmente una buona notizia", "Marco Bassi")]
    # Nobody new in the paragraph: the voice goes on.
    assert _found(
        "«Il porto riapre a maggio», ha detto Ana Roe.",
        "Soddisfatta per la notizia, «finalmente una buona notizia», ha scritto su X.",
    ) == [("Il porto riapre a maggio", "Ana Roe"), ("finalmente una buona notizia", "Ana Roe")]


def test_a_passive_with_se_after_que_is_no_new_speaker() -> None:
    # "a lo que se añaden": what is added to her words, still hers.
    assert _found(
        "“El muelle cerrará en mayo”, explicó Ana Roe. Según ella, el puerto “no tiene"
        " dinero”, a lo que se añaden “los retrasos de las obras”."
    ) == [
        ("El muelle cerrará en mayo", "Ana Roe"),
        ("no tiene dinero", "Ana Roe"),
        ("los retrasos de las obras", "Ana Roe"),
    ]


def test_names_in_the_attribution_sentence_do_not_end_the_voice() -> None:
    # Tom Ash is whom Ana Roe advised, in her own attribution: the next quote is still hers.
    assert _found(
        "“The quay will hold,” said Ana Roe, who advised Tom Ash on the harbour plan. “It has"
        " held for a century.”"
    ) == [("The quay will hold", "Ana Roe"), ("It has held for a century.", "Ana Roe")]
    # A sentence of its own naming others: any of them may speak now, so nobody.
    assert _found(
        "“The quay will hold,” said Ana Roe. The council heard Tom Ash and Per Holm on Monday."
        " “It has held for a century.”"
    ) == [("The quay will hold", "Ana Roe"), ("It has held for a century.", None)]


def test_a_von_after_a_first_name_is_part_of_the_name() -> None:
    assert _found("„Die Lage ist ernst“, sagte Verbandschef Lars von Brinken der Zeitung.") == [
        ("Die Lage ist ernst", "Verbandschef Lars von Brinken")
    ]
    # After a role's lowercase words, "von" says where from: the role ends before it.
    assert _found("„Die Lage ist ernst“, sagte der 35 Jahre alte Kapitän von Hansa.") == [
        ("Die Lage ist ernst", "der 35 Jahre alte Kapitän")
    ]


def test_a_pronoun_after_a_verb_second_verb_is_its_subject_not_the_name_before() -> None:
    assert _found(
        "„Der Hafen braucht Geld“, betonte Brandt. In Anlehnung an den Soziologen Jan Holm"
        " fragte er: „Wer zahlt die Kaimauer?“"
    ) == [("Der Hafen braucht Geld", "Brandt"), ("Wer zahlt die Kaimauer?", "Brandt")]


def test_a_titled_name_ends_before_where_the_person_is_from() -> None:
    assert _found("“The ferry is a lifeline,” said Supervisor Ana Roe of Kragsø County.") == [
        ("The ferry is a lifeline", "Supervisor Ana Roe")
    ]
    # "of" inside the title is part of it.
    assert _found("“The ferry is a lifeline,” said Secretary of State Ana Roe.") == [
        ("The ferry is a lifeline", "Secretary of State Ana Roe")
    ]


def test_a_label_in_capitals_is_nobody() -> None:
    assert _found(
        "SEE ALSO: The harbour plan in pictures",
        "“The money is not there,” he said.",
    ) == [("The money is not there", None)]


def test_a_possessive_before_a_colon_stands_for_its_owner() -> None:
    assert _found(
        "Der Hafenmeister Jan Holm kennt die Kaimauer seit vierzig Jahren.",
        "Seine Prognose für den Winter: „Die Mauer hält noch zehn Jahre.“",
    ) == [("Die Mauer hält noch zehn Jahre.", "Jan Holm")]
    # A thing before the colon, with an article: nobody speaks.
    assert _found(
        "Der Hafenmeister Jan Holm kennt die Kaimauer seit vierzig Jahren.",
        "Das Problem: „Die Mauer hält nur noch zehn Jahre.“",
    ) == [("Die Mauer hält nur noch zehn Jahre.", None)]


def test_and_then_a_verb_shares_the_subject_after_the_verb_before() -> None:
    assert _found(
        "Es ist nur eine Frage der Zeit, bis der Hafen schließt, sagt der Lotse Jan Holm, und"
        " fügt hinzu: „Dann fahren die Fähren woanders hin.“"
    ) == [("Dann fahren die Fähren woanders hin.", "Jan Holm")]


def test_a_description_after_the_speakers_own_attribution_is_the_speaker() -> None:
    # Ana Berg is named in Jonas Roe's own attribution: nobody new came up since, so "der
    # Virologe" is him.
    assert _found(
        "„Die Viren wandern mit“, sagt Jonas Roe, der mit Ana Berg forscht. Das Risiko sei"
        " „sehr hoch“, sagt der Virologe."
    ) == [("Die Viren wandern mit", "Jonas Roe"), ("sehr hoch", "Jonas Roe")]
    # Ana Berg in a sentence of her own: "der Virologe" may be someone else.
    assert _found(
        "„Die Viren wandern mit“, sagt Jonas Roe. Ana Berg forscht mit ihm. Das Risiko sei"
        " „sehr hoch“, sagt der Virologe."
    ) == [("Die Viren wandern mit", "Jonas Roe"), ("sehr hoch", "der Virologe")]


def test_a_sentence_ending_on_a_full_name_introduces_that_person() -> None:
    assert _found(
        "Die Fähre fährt seit Montag wieder. Das ist die Aufgabe von Kapitänin Ana Berg."
        " „Wir fahren bei jedem Wetter.“"
    ) == [("Wir fahren bei jedem Wetter.", "Kapitänin Ana Berg")]
    # "er" then means the man the sentence ended on.
    assert _found(
        "„Der Hafen bleibt offen“, sagt Ana Berg. So sieht es auch der Bürgermeister von"
        " Kragsø, Jan Holm. „Wir zahlen die Mauer“, sagt er."
    ) == [("Der Hafen bleibt offen", "Ana Berg"), ("Wir zahlen die Mauer", "Jan Holm")]
    # A place after a preposition introduces nobody.
    assert _found("Los estudiantes viajan cada día a Villa Nueva. «Llegamos tarde siempre.»") == [
        ("Llegamos tarde siempre.", None)
    ]


def test_a_statement_speaks_for_whoever_made_it_and_is_nobody_itself() -> None:
    assert _found("„Die Fähre fährt wieder“, so die Mitteilung der Reederei.") == [
        ("Die Fähre fährt wieder", "Reederei")
    ]
    assert _found("“El muelle reabrirá en mayo”, indicó un comunicado.") == [
        ("El muelle reabrirá en mayo", None)
    ]


def test_a_description_of_the_person_the_story_is_about_is_that_person() -> None:
    assert _found(
        "Die Öffnung des Hafens freut vor allem einen: Jan Holm. Der Hafenmeister schrieb, er"
        " sei „sehr erleichtert“."
    ) == [("sehr erleichtert", "Jan Holm")]
    # A relative of the person is someone else.
    assert _found(
        "Die Öffnung des Hafens freut vor allem einen: Jan Holm. Die Mutter schrieb, sie sei"
        " „sehr erleichtert“."
    ) == [("sehr erleichtert", "Die Mutter")]


def test_a_full_name_after_the_verb_beats_the_role_set_after_it() -> None:
    assert _found(
        "“The port is growing,” comments Ana Roe, Managing Director of Kragsø Ferries."
    ) == [("The port is growing", "Ana Roe")]


def test_whose_account_opens_the_sentence_and_the_subject_follows_the_verb() -> None:
    assert _found(
        "Laut Unterlagen, die der Zeitung vorliegen, schreibt Jan Holm an die Reederei: „Wir"
        " zahlen nicht.“"
    ) == [("Wir zahlen nicht.", "Jan Holm")]


def test_an_intensifier_is_no_part_of_the_name() -> None:
    assert _found("As Ana Roe herself said, “The harbour comes first.”") == [
        ("The harbour comes first.", "Ana Roe")
    ]


def test_a_german_plural_verb_names_its_group() -> None:
    # Without "kritisieren" as a verb, the two words were no quotation at all.
    assert _found(
        "Die Reise führte auch zu den Bregenzer Festspielen.",
        "So seien „vier Mitarbeiter“ dabei gewesen, kritisieren die Blauen.",
    ) == [("vier Mitarbeiter", "die Blauen")]


def test_an_indefinite_pronoun_before_a_colon_is_nobody() -> None:
    assert _found(
        "Længe ville Olivia Berg ikke i skole. Noget har ændret sig: »Nu er det sjovt.«"
    ) == [("Nu er det sjovt.", None)]


def test_an_adverb_of_frequency_between_the_subject_and_the_verb_is_passed_over() -> None:
    assert _found(
        "Ana Roe recordó que su madre, Lía Berg, siempre decía: ‘Primero el puerto’."
    ) == [("Primero el puerto", "Lía Berg")]


def test_a_verb_inside_what_someone_reports_does_not_take_their_words() -> None:
    # "apuntan" is part of what Ana Roe says; the quoted word is hers.
    assert _found(
        "Ana Roe remarcó que las tendencias actuales apuntan a la creación de muelles “amigables”"
        " para los pescadores."
    ) == [("amigables", "Ana Roe")]


def test_a_body_named_by_its_noun_alone_is_the_body_named_in_full_before() -> None:
    assert _found(
        "Según fuentes del Ministerio de Pesca, el puerto cerrará.",
        "“Cerramos el muelle el lunes”, informó este ministerio.",
    ) == [("Cerramos el muelle el lunes", "Ministerio de Pesca")]


def test_whom_a_verb_of_calling_names_is_not_the_speaker() -> None:
    assert _found(
        "In early 1924, his trial began, with the prosecution describing the harbour master as"
        " “the soul of the whole plan.”"
    ) == [("the soul of the whole plan.", None)]
    # Nor is the paper that reported it, when a verb names someone the rules cannot read.
    assert _found(
        "Roe, who chairs the board, campaigned on the issue — and called Ash’s plan"
        " “heartbreaking,” according to the Kragsø Times."
    ) == [("heartbreaking", None)]


def test_an_opening_article_and_noun_before_a_name_meet_the_person() -> None:
    # "Der Fischer Jan Holm": the name after the article and its noun is a person met, and
    # "Nachbarland" makes "Kragsø Nord" a place, so "er" is Jan Holm.
    assert _found(
        "Auch aus dem Nachbarland Kragsø Nord kamen Fischer zum Protest.",
        "Der Fischer Jan Holm verlor sein Boot. Im Gespräch erzählte er, wie schwer es ist,"
        " „sich ohne Boot als Teil einer Gemeinschaft zu fühlen“.",
    ) == [("sich ohne Boot als Teil einer Gemeinschaft zu fühlen", "Jan Holm")]


def test_a_long_sentence_ending_on_a_name_never_gives_half_of_it() -> None:
    # The sentence runs past the 300 characters read for its subject, right through the name.
    long_sentence = "Ayer se pidió no ejecutar la condena " + "por una excepción pendiente " * 9
    found = _found(
        long_sentence.rstrip() + " — Raúl Ramírez Bogado (@raul) May 5, 2022",
        "“El magistrado ha pedido información a la Sala Penal sobre la excepción”, indicó.",
    )
    assert found == [
        (
            "El magistrado ha pedido información a la Sala Penal sobre la excepción",
            "Raúl Ramírez Bogado",
        )
    ]


def test_after_an_adverbial_opening_the_subject_follows_the_verb() -> None:
    # "sagt Holm" reports speech: Holm speaks, and the quotation after it is his.
    assert _found(
        "Auf weitere Nachfrage sagt Holm, er könne sich an einen Brief von Berg nicht erinnern."
        " „Der Brief ist mir nicht bekannt.“"
    ) == [("Der Brief ist mir nicht bekannt.", "Holm")]
    # A name after a dative article is whom the words were for.
    assert _found("Am Montag antwortet Holm dem Hafenchef Jan Berg: „Wir haben die Zusage.“") == [
        ("Wir haben die Zusage.", "Holm")
    ]


def test_more_verbs_of_speech_name_their_subject() -> None:
    assert _found(
        "“El contrato no sirve”, cuestionó el concejal.",
        "« Le port vivra », rétorque le maire.",
        "„Das stimmt nicht“, konterte die Reederei.",
        "“We never closed the quay,” the company denied.",
    ) == [
        ("El contrato no sirve", "el concejal"),
        ("Le port vivra", "le maire"),
        ("Das stimmt nicht", "die Reederei"),
        ("We never closed the quay", "the company"),
    ]
    # "Respecto a esto" says what about, never who.
    assert _found("Respecto a esto, comenta que el muelle “no aguanta más”.") == [
        ("no aguanta más", None)
    ]


def test_a_german_role_keeps_the_whole_name_of_its_genitive() -> None:
    assert _found(
        "Auf den Brief antwortete die Partei des Freien Hafens: „Wir verurteilen das.“"
    ) == [("Wir verurteilen das.", "die Partei des Freien Hafens")]


def test_the_subject_inside_reported_speech_is_no_new_voice() -> None:
    # "the council had concluded" is part of what Roe said: the quotation is Roe's.
    assert _found(
        "Roe said that after a long review the council had concluded the quay was “not, per"
        " se, unsafe at all”, saying she trusted the engineers."
    ) == [("not, per se, unsafe at all", "Roe")]


def test_an_article_and_a_capitalised_title_are_a_description() -> None:
    # "the Conservative MP" describes the person the story is about: Ana Roe.
    assert _found(
        "The harbour plan has one loud critic: Ana Roe.",
        "Speaking in the Commons, the Conservative MP said: “It does not need to be like this.”",
    ) == [("It does not need to be like this.", "Ana Roe")]


def test_two_apostrophes_close_a_quotation_and_one_does_not() -> None:
    assert _found(
        "“It was a mess,’’ Ana Roe, who runs the ferry, told the paper. “The pilots’ union"
        " agrees,” she said."
    ) == [("It was a mess", "Ana Roe"), ("The pilots’ union agrees", "Ana Roe")]


def test_what_someone_said_without_that_is_still_theirs() -> None:
    assert _found(
        "The King added: ‘The harbour will be rebuilt.’",
        "He said the government pledged full support, including a ‘clear path’ to funding.",
    )[-1] == ("clear path", "The King")
    assert _found("Kragsø Ferries pledged to take “decisive action” against delays.") == [
        ("decisive action", "Kragsø Ferries")
    ]


def test_a_surname_with_its_lowercase_particle_after_the_verb_is_the_speaker() -> None:
    assert _found("„Für den Winter rechnen wir mit Verlusten“, sagte von Brinken.") == [
        ("Für den Winter rechnen wir mit Verlusten", "von Brinken")
    ]


def test_an_abbreviated_title_before_the_name_after_a_quote_ends_no_sentence() -> None:
    assert _found("“The ferry is a lifeline,” Gov. Roe said in a statement.") == [
        ("The ferry is a lifeline", "Roe")
    ]


def test_when_between_a_subject_and_its_verb_is_passed_over() -> None:
    assert _found(
        "Mr. Holm last week said the quay remains his worry. “For me, the tides are the issue.”"
    ) == [("For me, the tides are the issue.", "Holm")]


def test_according_to_a_role_and_the_name_set_after_it_is_the_name() -> None:
    assert _found("According to his aunt, Jane Roe, “He was brilliant from the start.”") == [
        ("He was brilliant from the start.", "Jane Roe")
    ]


def test_an_attribution_set_in_commas_makes_its_subject_the_voice() -> None:
    assert _found(
        "The key to the port's success, says Holm, is its depth. “We take any ship,” he says."
    ) == [("We take any ship", "Holm")]


def test_who_replies_is_the_one_who_was_asked() -> None:
    assert _found(
        "At the meeting, a reporter asked Ana Roe, “What is the biggest problem?”",
        "“The tides, and nothing else,” she replied.",
    ) == [
        ("What is the biggest problem?", "a reporter"),
        ("The tides, and nothing else", "Ana Roe"),
    ]


def test_a_club_in_straight_single_quotes_is_no_full_name() -> None:
    # "Ana Roe Fan Club'" is a club, so "Roe" alone is no short form of it.
    assert _found(
        "Another group called 'Ana Roe Fan Club' has more than 29,000 members.",
        "Asked about it by a newspaper, Roe laughed and simply said the club would have to"
        " “take responsibility” for it.",
    ) == [("take responsibility", "Roe")]


def test_german_reported_speech_carries_the_voice_into_the_next_paragraph() -> None:
    assert _found(
        "«Der Hafen bekommt nicht das Geld, das er braucht», erklärt Hafenkenner Jan Holm.",
        "Auch die Reederei habe ihn dabei nicht unterstützt. «Am Ende zahlt die Stadt.»",
    )[-1] == ("Am Ende zahlt die Stadt.", "Hafenkenner Jan Holm")
    # A plain sentence of narration in between: nobody the rules can name.
    assert _found(
        "«Der Hafen bekommt nicht das Geld, das er braucht», erklärt Hafenkenner Jan Holm.",
        "Die Reederei hat ihn dabei nicht unterstützt. «Am Ende zahlt die Stadt.»",
    )[-1] == ("Am Ende zahlt die Stadt.", None)


def test_a_word_that_matches_a_pronoun_only_case_blind_breaks_nothing() -> None:
    # "hım" (dotless i) matches "him" when case is ignored, but is no English pronoun.
    assert _found("Ana Roe came with hım. “This is a long quote for sure,” she said.") == [
        ("This is a long quote for sure", "Ana Roe")
    ]
