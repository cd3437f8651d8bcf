"""config.toml as a user writes it, typos and all: each bad value one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CliRunner
from tuinews.config import ConfigError, RefreshSettings, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("setting", "allowed"),
    [
        ("concurrency = -4", "concurrency must be a whole number from 1 to 1,000, not -4"),
        ("concurrency = 0", "concurrency must be a whole number from 1 to 1,000, not 0"),
        ("per_host = -1", "per_host must be a whole number from 1 to 100, not -1"),
        ("timeout = nan", "timeout must be a number from 1 to 3,600 seconds, not nan"),
        ("timeout = -20", "timeout must be a number from 1 to 3,600 seconds, not -20"),
        ("timeout = inf", "timeout must be a number from 1 to 3,600 seconds, not inf"),
        ("max_bytes = -1", "max_bytes must be a whole number from 1,024 to 1.07374e+09 bytes"),
        ("max_retry_after = 1e12", "max_retry_after must be a number from 60 to 2.592e+06"),
    ],
)
def test_each_value_out_of_range_names_file_line_and_the_allowed_range(
    tmp_path: Path, setting: str, allowed: str
) -> None:
    path = write(tmp_path, f'[ui]\ntheme = "nord"\n\n[refresh]\n{setting}\n')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(f"{path}, line 5: ")
    assert allowed in message
    assert "\n" not in message


def test_values_in_range_are_used_as_written(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[refresh]\nconcurrency = 1\nper_host = 1\ntimeout = 2.5\nmax_bytes = 2048\n"
        "max_retry_after = 3600\n",
    )
    assert load_config(path).refresh == RefreshSettings(
        concurrency=1, per_host=1, timeout=2.5, max_bytes=2048, max_retry_after=3600.0
    )


def test_a_key_of_the_same_name_in_another_table_does_not_mislead_the_line(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, '[keys]\n"timeout" = "t"\n\n[refresh]\ntimeout = 0\n')
    with pytest.raises(ConfigError, match="line 5: timeout"):
        load_config(path)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("ctrl+nonsense", "'nonsense' is not a key name"),
        ("[", "'[' is written by its name (write 'left_square_bracket')"),
        ("ctlr+q", "'ctlr' is not a modifier (ctrl, shift, alt, meta, super, hyper)"),
        ("q,", "an empty key name"),
    ],
)
def test_key_bindings_that_could_never_fire_are_rejected(
    tmp_path: Path, value: str, problem: str
) -> None:
    path = write(tmp_path, f'[keys]\n"library.search" = "s"\n"app.quit" = "{value}"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == f"{path}, line 3: app.quit = {value!r}: {problem}"


def test_unknown_sections_and_settings_are_warned_about_and_the_command_still_runs(
    cli: CliRunner, tmp_path: Path
) -> None:
    path = write(tmp_path, "[refresh]\nconcurency = 4\n\n[sink]\nurl = 'x'\n")
    result = cli("list", "--no-sample", "--config", str(path))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"tuinews: {path}, line 2: unknown setting concurency in [refresh] ignored "
        "(concurrency, max_bytes, max_retry_after, per_host, timeout)",
        f"tuinews: {path}, line 4: unknown section [sink] ignored "
        "(known: [library], [ui], [refresh], [sync], [keys])",
    ]
