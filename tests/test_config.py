from __future__ import annotations

import json

import pytest
from conftest import COMPANIES, write_config

from marketwatch.config import ConfigError, load_config


def error_for(tmp_path, text: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_valid_config_loads_with_relative_db(tmp_path):
    config = load_config(write_config(tmp_path, ["https://example.com/feed"]))
    assert config.settings.db == tmp_path / "mw.db"
    assert config.companies["Xiaomi"].is_oem and config.companies["Xiaomi"].is_tech
    assert config.alliance_members("Renault-Nissan-Mitsubishi Alliance") == ("Renault", "Nissan", "Mitsubishi")
    assert config.lookup("groupe renault") == "Renault"
    assert config.watchlist_companies("China tie-ups") == ("Didi", "Baidu", "Alibaba")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[settings]\ncolour = 1\n", "settings.colour: unknown key"),
        ("[setings]\n", "setings: unknown key; did you mean 'settings'?"),
        ("[settings]\nconcurency = 4\n", "settings.concurency: unknown key; did you mean 'concurrency'?"),
        ("[settings]\nzzzz = 4\n", "settings.zzzz: unknown key (expected one of: auto_refresh, concurrency"),
        ('[companies.X]\nkind = "car"\naliases = ["X"]\n', 'companies.X.kind: must be "oem"'),
        ('[alliances.A]\nmembers = ["Nobody"]\n', "alliances.A.members: 'Nobody' is not a company"),
        ('[companies.A]\nkind = "oem"\naliases = ["Ace"]\n[companies.B]\nkind = "tech"\naliases = ["Ace"]\n',
         "companies.B.aliases: alias 'Ace' is already claimed by companies.A"),
        ('[[feeds]]\nurl = "ftp://example.com/feed"\n', "feeds[1].url: not an http(s) or file URL"),
        ('[[feeds]]\nname = "no url"\n', "feeds[1].url: missing feed URL"),
        ("[settings]\ntimeout = -1\n", "settings.timeout: must be a positive number"),
        ("[settings]\nauto_refresh = -5\n", "settings.auto_refresh: must be a whole number, 0 or more"),
        ("[settings]\nauto_refresh = 30.5\n", "settings.auto_refresh: must be a whole number, 0 or more"),
        ("[settings]\nauto_refresh = 20000\n", "settings.auto_refresh: must be at most 10080 minutes (a week)"),
        ('[watchlists.W]\ncompanies = ["Ghost"]\n', "watchlists.W.companies: 'Ghost' is not a company"),
        # a company its own owner would never pair with its "unit": their tie-ups would vanish
        ('[companies.Ford]\nkind = "oem"\naliases = ["Ford"]\nparents = ["Ford"]\n',
         "companies.Ford.parents: makes the company its own owner (Ford -> Ford)"),
        ('[companies.T]\nkind = "oem"\naliases = ["T"]\nparents = ["W"]\n[companies.W]\nkind = "tech"\n'
         'aliases = ["W"]\nparents = ["A"]\n[companies.A]\nkind = "tech"\naliases = ["A"]\nparents = ["T"]\n',
         "companies.T.parents: makes the company its own owner (T -> W -> A -> T)"),
        ("[settings\n", "not valid TOML"),
        # found by a bad-input audit: a name of a megabyte crashed the process building the matcher; a
        # NUL in the database's path was accepted, then every refresh ended in a traceback; an
        # empty file meant the default database, which looked like every story lost
        ('[companies.X]\nkind = "oem"\naliases = ["' + "x" * 1000 + '"]\n',
         "companies.X.aliases: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... is 1,000 characters long; "
         "a name here takes at most 200"),
        ('[settings]\ndb = "mw\\u0000.db"\n', "settings.db: must be a file path (it holds a NUL character)"),
        ("", "the config file is empty (a save cut short?)"),
        # found by a later audit: a company no one could name, an alliance named as a company (which
        # would --alliance and --company mean?), and a billion requests at once were all taken
        ('[companies.""]\nkind = "oem"\naliases = ["X"]\n', 'companies."": a company needs a name (this one is empty)'),
        ('[companies.X]\nkind = "oem"\naliases = ["X"]\n[alliances."  "]\nmembers = ["X"]\n',
         'alliances."  ": an alliance needs a name (this one is empty)'),
        ('[companies.Toyota]\nkind = "oem"\naliases = ["Toyota"]\n[alliances.toyota]\nmembers = ["Toyota"]\n',
         "alliances.toyota: 'Toyota' is already a company's name; give the alliance another"),
        ("[settings]\nconcurrency = 1000000000\n",
         "settings.concurrency: must be a whole number from 1 to 256, not 1,000,000,000"),
        ("[settings]\nconcurrency = 0\n", "settings.concurrency: must be a whole number from 1 to 256, not 0"),
        ("[settings]\nper_host = 100000\n", "settings.per_host: must be a whole number from 1 to 256"),
        (" \n\n", "the config file is empty (a save cut short?)"),
        ("\ufeff\n", "the config file is empty (a save cut short?)"),
    ],
)
def test_config_errors_are_one_line_naming_key_and_problem(tmp_path, text, expected):
    assert expected in error_for(tmp_path, text)


def test_the_dashboard_refreshes_by_itself_hourly_unless_told_otherwise(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[settings]\ndb = "x.db"\n', encoding="utf-8")
    assert load_config(path).settings.auto_refresh == 60
    path.write_text('[settings]\ndb = "x.db"\nauto_refresh = 0\n', encoding="utf-8")
    assert load_config(path).settings.auto_refresh == 0


def test_a_config_saved_with_a_byte_order_mark_loads(tmp_path):
    """Windows Notepad's UTF-8 byte-order mark: "not valid TOML: Invalid statement (at line 1, column 1)"."""
    path = tmp_path / "c.toml"
    path.write_bytes(b'\xef\xbb\xbf[settings]\ndb = "x.db"\n')
    assert load_config(path).settings.db == tmp_path / "x.db"


def test_an_endless_or_huge_config_is_refused_and_a_pipe_is_read(tmp_path):
    """/dev/zero was read until memory ran out; `--config <(sops -d config.toml)` (a pipe) is how
    some keep their notify URLs secret, and reads as the file would."""
    import os
    import threading

    for path in ("/dev/zero", tmp_path / "big.toml"):
        if path != "/dev/zero":
            path.write_bytes(b"#" * (10 * 1024 * 1024 + 1))
        with pytest.raises(ConfigError, match="more than 10,485,760 bytes: too big to be a config"):
            load_config(path)
    fifo = tmp_path / "c.toml"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text('[settings]\ndb = "x.db"\n'))
    writer.start()
    assert load_config(fifo).settings.db == tmp_path / "x.db"
    writer.join()


def test_a_long_notify_url_is_no_name_and_is_not_echoed(tmp_path):
    """The 200-character cap on names refused a Teams workflow URL (230-300 characters), printing its
    start, password and all."""
    url = "mailtos://analyst:s3cretpw@example.com?to=" + ",".join(f"user{i}@example.com" for i in range(14))
    assert len(url) > 250
    path = tmp_path / "c.toml"
    path.write_text(f'[settings]\ndb = "x.db"\n[notify]\nurls = ["{url}"]\n')
    assert load_config(path).notify.urls == (url,)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_config_search_order(tmp_path, monkeypatch):
    path = write_config(tmp_path, [])
    monkeypatch.setenv("MARKETWATCH_CONFIG", str(path))
    monkeypatch.chdir(tmp_path.parent)
    assert load_config().path == path
    monkeypatch.delenv("MARKETWATCH_CONFIG")
    monkeypatch.chdir(tmp_path)
    assert load_config().path.resolve() == path.resolve()


def test_first_run_copies_the_shipped_config_to_the_user_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("MARKETWATCH_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.path == tmp_path / "xdg" / "marketwatch" / "config.toml"
    assert len(config.companies) >= 80
    assert config.settings.db.name == "marketwatch.db"
    assert "xdg" not in str(config.settings.db)  # data, not config, dir


def test_a_first_run_that_cannot_write_the_whole_copy_leaves_none(tmp_path):
    """A disk that fills while the shipped config is copied: that run fails with one line, and
    no half copy is left to be every later run's config (they make the copy again)."""
    import resource
    import signal
    import subprocess
    import sys

    def small_files() -> None:  # writing past 4 KiB fails with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    command = [sys.executable, "-B", "-m", "marketwatch", "check-config"]  # -B: no cut-short .pyc files
    full = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, preexec_fn=small_files)
    assert full.returncode == 3 and full.stderr.count("\n") == 1 and "Traceback" not in full.stderr
    assert not any((tmp_path / "xdg" / "marketwatch").iterdir())
    again = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert len(load_config(tmp_path / "xdg" / "marketwatch" / "config.toml").companies) >= 80


def test_shipped_config_is_a_real_default():
    from marketwatch.paths import default_config_file

    config = load_config(default_config_file())
    assert len(config.feeds) >= 15
    assert all(f.url.startswith(("http://", "https://")) for f in config.feeds)
    assert sum(c.is_oem for c in config.companies.values()) >= 40
    assert sum(c.is_tech for c in config.companies.values()) >= 40
    assert "Renault-Nissan-Mitsubishi Alliance" in config.alliances
    assert any("百度" in c.aliases for c in config.companies.values())


def test_companies_block_used_by_tests_is_valid():
    assert "[companies.Renault]" in COMPANIES


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://[::1/x", "not a valid URL (Invalid IPv6 URL): 'http://[::1/x'"),
        ("http://[zz]/x", "not a valid URL ('zz' does not appear to be an IPv4 or IPv6 address)"),
        ("http://]/", "not a valid URL (Invalid IPv6 URL)"),
        ("file://[x/feed.xml", "not a valid URL (Invalid IPv6 URL)"),
        ("http://example.com:70000/feed", "the port must be a number from 0 to 65535: 'http://example.com:70000/feed'"),
        ("http://[::1]:99999/feed", "the port must be a number from 0 to 65535"),
        ("https://example.com:rss/feed", "the port must be a number from 0 to 65535"),
        ("http://:8080/feed", "not an http(s) or file URL (no host name)"),
    ],
)
def test_a_feed_url_that_cannot_be_fetched_is_a_config_error_naming_it(tmp_path, url, expected):
    assert f"feeds[1].url: {expected}" in error_for(tmp_path, f'[[feeds]]\nurl = "{url}"\n')


def test_a_malformed_feed_url_makes_check_config_exit_2_with_one_line(tmp_path, run_cli):
    path = tmp_path / "v6.toml"
    path.write_text('[[feeds]]\nurl = "https://example.com/ok"\n\n[[feeds]]\nurl = "http://[::1/x"\n', encoding="utf-8")
    code, out, err = run_cli("check-config", "--config", str(path))
    assert (code, out) == (2, "")
    assert err == f"marketwatch: {path}: feeds[2].url: not a valid URL (Invalid IPv6 URL): 'http://[::1/x'\n"


def test_bracketed_ipv6_hosts_and_ports_in_range_are_valid_feed_urls(tmp_path):
    path = write_config(tmp_path, ["http://[::1]:8080/feed", "https://example.com:443/feed", "file:///tmp/feed.xml"])
    assert [f.url for f in load_config(path).feeds] == [
        "http://[::1]:8080/feed", "https://example.com:443/feed", "file:///tmp/feed.xml"]


@pytest.mark.parametrize("agent", ["café", "tab\there", "bell\u0007"])
def test_a_user_agent_that_cannot_be_an_http_header_is_a_config_error(tmp_path, agent):
    text = "[settings]\nuser_agent = " + json.dumps(agent) + "\n"
    assert "settings.user_agent: must be printable ASCII text" in error_for(tmp_path, text)


def test_a_user_agent_is_sent_without_its_surrounding_spaces(tmp_path):
    path = write_config(tmp_path, [], 'user_agent = "  Mozilla/5.0 (compatible; watcher)  "')
    assert load_config(path).settings.user_agent == "Mozilla/5.0 (compatible; watcher)"
    assert load_config(write_config(tmp_path, [], 'user_agent = " "')).settings.user_agent is None  # the default


@pytest.mark.parametrize("code", ["english", "en-GB", "EN", "en_US", "e"])
def test_a_language_that_is_not_a_language_code_is_a_config_error_showing_the_form(tmp_path, code):
    message = error_for(tmp_path, f'[settings]\nlanguages = ["en", "{code}"]\n')
    assert f"settings.languages: {code!r} is not a language code: use ISO 639 codes such as" in message


def test_language_codes_with_a_script_are_valid(tmp_path):
    path = write_config(tmp_path, [], 'languages = ["en", "zh-Hans", "sr-Latn", "fil"]')
    assert load_config(path).settings.languages == ("en", "zh-Hans", "sr-Latn", "fil")


def test_check_config_refuses_a_language_code_dateparser_does_not_know(tmp_path, run_cli):
    """The exact check is check-config's: loading a config only checks the form, so that no
    command waits for dateparser to import."""
    path = write_config(tmp_path, [], 'languages = ["en", "xx"]')
    assert load_config(path).settings.languages == ("en", "xx")
    code, out, err = run_cli("check-config", "--config", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"marketwatch: {path}: settings.languages: 'xx' is not a language dateparser knows: ")
    assert err.count("\n") == 1
    code, _, _ = run_cli("check-config", "--config", str(write_config(tmp_path, [], 'languages = ["de", "zh-Hans"]')))
    assert code == 0


def test_loading_a_config_does_not_import_dateparser(tmp_path):
    import subprocess
    import sys

    path = write_config(tmp_path, [], 'languages = ["en", "zh-Hans"]')
    code = (f"import sys\nfrom marketwatch.config import load_config\nload_config({str(path)!r})\n"
            "print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_units_of_an_owner_at_any_depth(tmp_path):
    from marketwatch.config import parse_config

    raw = {"settings": {"db": "mw.db"}, "companies": {
        "Volkswagen": {"kind": "oem", "aliases": ["Volkswagen"]},
        "Audi": {"kind": "oem", "aliases": ["Audi"], "parents": ["Volkswagen"]},
        "Lamborghini": {"kind": "oem", "aliases": ["Lamborghini"], "parents": ["Audi"]},
        "Cariad": {"kind": "tech", "aliases": ["Cariad"], "parents": ["Volkswagen"]},
        "Toyota": {"kind": "oem", "aliases": ["Toyota"]}}}
    config = parse_config(raw, tmp_path / "config.toml")
    assert config.units_of("Volkswagen") == {"Audi", "Lamborghini", "Cariad"}
    assert config.units_of("Audi") == {"Lamborghini"}
    assert config.units_of("Toyota") == frozenset() == config.units_of("Nobody")
