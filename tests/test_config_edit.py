"""Adding and removing feeds keeps every comment, blank line and key of a hand-written config."""

from __future__ import annotations

import os
import re
import stat
import threading
import tomllib

import pytest

from marketwatch.config import ConfigError, load_config
from marketwatch.config_edit import NAME_MAX, NewFeed, add_feeds, feed_key, remove_feed

CONFIG = '''\
# My watch list -- keep this comment
[settings]
db = "mw.db"   # next to this file

# --- feeds ---
[[feeds]]
url = "https://a.example/feed"   # the first one
name = "A"

# B is noisy but useful
[[feeds]]
url = "https://b.example/feed"
# remark about B, kept with it

# Companies below: do not touch
[companies.Ford]
kind = "oem"
aliases = ["Ford", "Ford Motor"]
exclude = """not a header:
[[feeds]]
"""
'''


@pytest.fixture
def cfg(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def feeds_of(path):
    return [(f.url, f.name) for f in load_config(path).feeds]


def test_add_appends_after_the_last_feed_and_changes_nothing_else(cfg):
    result = add_feeds(cfg, [NewFeed("https://c.example/feed", 'C "quoted" \\ name')])
    assert [f.url for f in result.added] == ["https://c.example/feed"]
    assert cfg.read_text() == CONFIG.replace(
        "# remark about B, kept with it\n",
        '# remark about B, kept with it\n\n[[feeds]]\nurl = "https://c.example/feed"\n'
        'name = "C \\"quoted\\" \\\\ name"\n')
    assert feeds_of(cfg)[-1] == ("https://c.example/feed", 'C "quoted" \\ name')


def test_add_skips_feeds_already_there_and_repeats(cfg):
    result = add_feeds(cfg, [NewFeed("HTTPS://A.EXAMPLE:443/feed#top"), NewFeed("https://d.example/x?y=1"),
                             NewFeed("https://d.example/x?y=1", "again"), NewFeed("https://d.example/x?y=2")])
    assert [f.url for f in result.already] == ["HTTPS://A.EXAMPLE:443/feed#top"]
    assert [f.name for f in result.repeated] == ["again"]
    assert [u for u, _ in feeds_of(cfg)] == ["https://a.example/feed", "https://b.example/feed",
                                             "https://d.example/x?y=1", "https://d.example/x?y=2"]


def test_a_name_another_feed_has_gets_a_number(cfg):
    """An OPML list often names several feeds alike; two feeds of one name could not be told
    apart on the feed health screen nor removed by name."""
    result = add_feeds(cfg, [NewFeed("https://c.example/feed", "A"), NewFeed("https://d.example/feed", "A"),
                             NewFeed("https://e.example/feed", "E"), NewFeed("https://f.example/feed", "E")])
    assert feeds_of(cfg)[2:] == [("https://c.example/feed", "A (2)"), ("https://d.example/feed", "A (3)"),
                                 ("https://e.example/feed", "E"), ("https://f.example/feed", "E (2)")]
    assert [(was, feed.name) for was, feed in result.renamed] == [("A", "A (2)"), ("A", "A (3)"), ("E", "E (2)")]
    remove_feed(cfg, "A (3)")
    assert "https://d.example/feed" not in [u for u, _ in feeds_of(cfg)]


def test_a_numbered_name_stays_within_the_length_limit(cfg):
    long = "x" * NAME_MAX
    add_feeds(cfg, [NewFeed("https://c.example/feed", long), NewFeed("https://d.example/feed", long)])
    name = feeds_of(cfg)[-1][1]
    assert len(name) == NAME_MAX and name.endswith("… (2)")


def test_dry_run_and_nothing_new_leave_the_file_alone(cfg):
    before = cfg.stat().st_mtime_ns
    assert add_feeds(cfg, [NewFeed("https://c.example/feed")], dry_run=True).added
    assert add_feeds(cfg, [NewFeed("https://a.example/feed")]).added == []
    assert cfg.read_text() == CONFIG and cfg.stat().st_mtime_ns == before


def test_remove_a_middle_feed_takes_its_comments_with_it(cfg):
    add_feeds(cfg, [NewFeed("https://c.example/feed", "C")])
    removed = remove_feed(cfg, "https://b.example/feed")
    assert removed == {"url": "https://b.example/feed"}
    text = cfg.read_text()
    assert "B is noisy" not in text and "remark about B" not in text
    assert "# Companies below: do not touch\n[companies.Ford]" in text
    assert 'name = "A"\n\n[[feeds]]\nurl = "https://c.example/feed"\nname = "C"\n\n# Companies below' in text
    assert feeds_of(cfg) == [("https://a.example/feed", "A"), ("https://c.example/feed", "C")]


def test_remove_the_first_feed_keeps_the_section_comment_above_it(cfg):
    remove_feed(cfg, "A")  # by name
    text = cfg.read_text()
    assert "# --- feeds ---\n# B is noisy but useful\n[[feeds]]\nurl = \"https://b.example/feed\"" in text
    assert text.startswith("# My watch list -- keep this comment\n[settings]\ndb = \"mw.db\"   # next to this file\n")
    assert feeds_of(cfg) == [("https://b.example/feed", None)]


def test_remove_every_feed_then_add_again(cfg):
    remove_feed(cfg, "https://b.example/feed")
    remove_feed(cfg, "https://a.example/feed")
    assert feeds_of(cfg) == []
    text = cfg.read_text()
    assert "# --- feeds ---\n\n# Companies below" in text and "\n\n\n" not in text
    add_feeds(cfg, [NewFeed("https://z.example/")])
    assert feeds_of(cfg) == [("https://z.example/", None)]
    assert tomllib.loads(cfg.read_text())["companies"]["Ford"]["exclude"] == "not a header:\n[[feeds]]\n"


def test_remove_unknown_or_ambiguous_is_an_error_and_changes_nothing(cfg):
    with pytest.raises(ConfigError, match=re.escape("no feed 'https://nope.example/'")):
        remove_feed(cfg, "https://nope.example/")
    cfg.write_text(CONFIG.replace("# Companies below", '[[feeds]]\nurl = "https://c.example/feed"\nname = "A"\n\n'
                                  "# Companies below"))  # by hand: add_feeds would number it
    snapshot = cfg.read_text()
    with pytest.raises(ConfigError, match="2 feeds are named 'A'"):
        remove_feed(cfg, "A")
    assert cfg.read_text() == snapshot


def test_a_config_without_feeds_gets_them_after_settings(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[settings]\ndb = "x.db"\n# about companies\n[companies.Ford]\nkind = "oem"\n')
    add_feeds(path, [NewFeed("https://z.example/", "Z")])
    assert path.read_text() == ('[settings]\ndb = "x.db"\n\n[[feeds]]\nurl = "https://z.example/"\nname = "Z"\n\n'
                                '# about companies\n[companies.Ford]\nkind = "oem"\n')


def test_an_empty_config_and_one_without_a_final_newline(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    add_feeds(empty, [NewFeed("https://z.example/")])
    assert empty.read_text() == '[[feeds]]\nurl = "https://z.example/"\n'
    bare = tmp_path / "bare.toml"
    bare.write_text('[[feeds]]\nurl = "https://y.example/"')
    add_feeds(bare, [NewFeed("https://z.example/")])
    assert bare.read_text() == '[[feeds]]\nurl = "https://y.example/"\n\n[[feeds]]\nurl = "https://z.example/"\n'


def test_inline_feed_arrays_are_extended_by_tomlkit(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('feeds = [\n  {url = "https://y.example/"},  # y\n]\n')
    add_feeds(path, [NewFeed("https://z.example/", "Z")])
    assert "# y" in path.read_text()
    assert [(f.url, f.name) for f in load_config(path).feeds] == [("https://y.example/", None),
                                                                  ("https://z.example/", "Z")]


def test_crlf_files_stay_crlf(tmp_path):
    path = tmp_path / "c.toml"
    path.write_bytes(CONFIG.replace("\n", "\r\n").encode())
    add_feeds(path, [NewFeed("https://c.example/feed")])
    remove_feed(path, "https://a.example/feed")
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert feeds_of(path) == [("https://b.example/feed", None), ("https://c.example/feed", None)]


def test_a_symlinked_config_is_edited_at_its_target_with_its_mode(tmp_path, cfg):
    os.chmod(cfg, 0o640)
    link = tmp_path / "link.toml"
    link.symlink_to(cfg)
    add_feeds(link, [NewFeed("https://c.example/feed")])
    assert link.is_symlink() and "https://c.example/feed" in cfg.read_text()
    assert cfg.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_edit_that_would_break_the_config_is_refused(cfg):
    with pytest.raises(ConfigError, match="not an http"):
        add_feeds(cfg, [NewFeed("gopher://x.example/")])
    assert cfg.read_text() == CONFIG


def test_an_edit_that_does_not_verify_is_refused(cfg, monkeypatch):
    import marketwatch.config_edit as edit

    monkeypatch.setattr(edit, "_append", lambda text, data, feeds: text + '\n[settings2]\nx = 1\n')
    with pytest.raises(ConfigError, match="could not edit the feeds of this config safely"):
        add_feeds(cfg, [NewFeed("https://c.example/feed")])
    assert cfg.read_text() == CONFIG


def test_concurrent_edits_all_land(cfg):
    """Eight add-feeds and a remove-feed at once: each reads the file under the lock, so none
    starts from a version another is about to replace."""
    start = threading.Barrier(9)
    errors = []

    def edit(i):
        try:
            start.wait()
            if i == 8:
                remove_feed(cfg, "https://a.example/feed")
            else:
                add_feeds(cfg, [NewFeed(f"https://r{i}.example/feed")])
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(i,)) for i in range(9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(u for u, _ in feeds_of(cfg)) == sorted(
        ["https://b.example/feed", *(f"https://r{i}.example/feed" for i in range(8))])
    assert "# Companies below: do not touch" in cfg.read_text()


def test_the_lock_is_a_private_file_beside_the_symlinks_target(tmp_path, cfg):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "config.toml"
    link.symlink_to(cfg)
    add_feeds(link, [NewFeed("https://c.example/feed")])
    lock = tmp_path / ".config.toml.lock"
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    assert list(elsewhere.iterdir()) == [link]
    remove_feed(link, "https://c.example/feed")  # the lock left behind is taken again
    assert feeds_of(cfg) == [("https://a.example/feed", "A"), ("https://b.example/feed", None)]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_root_editing_a_users_config_leaves_it_theirs(cfg):
    os.chown(cfg.parent, 65534, 65534)
    os.chown(cfg, 65534, 65534)
    os.chmod(cfg, 0o600)
    add_feeds(cfg, [NewFeed("https://c.example/feed")])
    remove_feed(cfg, "https://a.example/feed")
    info = cfg.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o600)
    lock = (cfg.parent / ".config.toml.lock").stat()
    assert (lock.st_uid, lock.st_gid) == (65534, 65534)  # the user's own edits can open it
    assert feeds_of(cfg) == [("https://b.example/feed", None), ("https://c.example/feed", None)]


def test_a_read_only_config_is_refused_and_left_alone(cfg, run_cli):
    """Refused for root too: the rename would otherwise overrule the file's mode quietly."""
    os.chmod(cfg, 0o444)
    with pytest.raises(PermissionError, match="config is read-only; nothing was changed"):
        add_feeds(cfg, [NewFeed("https://c.example/feed")])
    with pytest.raises(PermissionError, match="read-only"):
        remove_feed(cfg, "https://a.example/feed")
    # Reading it is fine: a dry run, or nothing new to add.
    assert add_feeds(cfg, [NewFeed("https://c.example/feed")], dry_run=True).added
    assert add_feeds(cfg, [NewFeed("https://a.example/feed")]).already
    code, out, err = run_cli("add-feed", "https://c.example/feed", "--config", str(cfg))
    assert (code, out, err) == (3, "", f"marketwatch: {cfg}: config is read-only; nothing was changed\n")
    assert cfg.read_text() == CONFIG and stat.S_IMODE(cfg.stat().st_mode) == 0o444
    assert sorted(p.name for p in cfg.parent.iterdir()) == ["config.toml"]


def test_feed_key():
    assert feed_key(" HTTPS://Example.COM:443/Feed?x=1#frag ") == "https://example.com/Feed?x=1"
    assert feed_key("http://example.com") == feed_key("http://EXAMPLE.com:80/")
    assert feed_key("http://example.com:8080/f") != feed_key("http://example.com/f")


def test_a_config_that_is_a_pipe_or_a_device_is_not_edited(tmp_path):
    """A config linked to /dev/null was edited by renaming a new file over the device: as root,
    /dev/null became a regular file. A pipe stands in for the device here."""
    import os
    import stat

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "config.toml"
    link.symlink_to(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        add_feeds(link, [NewFeed("https://z.example/")])
    assert stat.S_ISFIFO(fifo.stat().st_mode)
