"""Which proxy a feed's requests take: the environment's variables, read as curl reads them."""

from __future__ import annotations

import pytest

from marketwatch.proxies import Proxies, address, problem


def test_the_proxy_for_each_scheme_comes_from_its_variable_then_all_proxy():
    proxies = Proxies.from_environment({"HTTP_PROXY": "http://plain:3128", "ALL_PROXY": "http://any:8080"})
    assert proxies.for_origin("http", "news.example.com", None) == "http://plain:3128"
    assert proxies.for_origin("https", "news.example.com", None) == "http://any:8080"
    assert Proxies.from_environment({}).for_origin("https", "news.example.com", None) is None


def test_lower_case_variables_win_and_a_bare_host_port_is_an_http_proxy():
    proxies = Proxies.from_environment({"https_proxy": "corp-proxy:3128", "HTTPS_PROXY": "http://other:1"})
    assert proxies.for_origin("https", "cnevpost.com", 443) == "http://corp-proxy:3128"
    # Set to nothing, the lower-case one still wins: `https_proxy= marketwatch refresh` goes direct.
    direct = Proxies.from_environment({"https_proxy": "", "HTTPS_PROXY": "http://other:1"})
    assert direct.for_origin("https", "cnevpost.com", 443) is None


@pytest.mark.parametrize(("no_proxy", "host", "direct"), [
    ("intranet.example,.corp.example", "news.corp.example", True),
    ("intranet.example,.corp.example", "corp.example", True),
    ("intranet.example", "intranet.example", True),
    ("intranet.example", "notintranet.example", False),
    ("*", "cnevpost.com", True),
    ("", "cnevpost.com", False),
    ("cnevpost.com:443", "cnevpost.com", True),  # the default port, though the URL names none
    ("cnevpost.com:8443", "cnevpost.com", False),
    ("intranet.example", "INTRANET.example.", True),
    ("xn--bcher-kva.example", "xn--bcher-kva.example", True),  # IDNA names as sent
])
def test_no_proxy_names_hosts_and_domains_that_go_direct(no_proxy, host, direct):
    proxies = Proxies.from_environment({"HTTPS_PROXY": "http://corp:3128", "NO_PROXY": no_proxy})
    assert (proxies.for_origin("https", host, None) is None) is direct


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "feeds.localhost"])
def test_this_machines_own_addresses_never_go_through_a_proxy(host):
    proxies = Proxies.from_environment({"ALL_PROXY": "http://corp:3128"})
    assert proxies.for_origin("http", host, 8080) is None


def test_messages_show_a_proxy_without_its_credentials():
    assert address("http://alice:s3cret@proxy.corp.example:3128") == "proxy.corp.example:3128"
    assert address("http://proxy.corp.example") == "proxy.corp.example"
    assert address("http://a:b@[::1]:99999") == "[::1]:99999"
    assert address("http://alice:s3cret@[::1/") == "[::1"  # brackets that do not close


@pytest.mark.parametrize(("proxy", "why"), [
    ("http://proxy.corp.example:3128", None),
    ("socks5://127.0.0.1:1080", None),
    ("ftp://alice:s3cret@proxy:21", "unsupported proxy scheme 'ftp' (use http://)"),
    ("http://proxy:99999", "its port is not a number from 1 to 65535"),
    ("http://proxy:abc", "its port is not a number from 1 to 65535"),
    ("http://proxy:0", "its port is not a number from 1 to 65535"),
    ("http://:3128", "it has no host name"),
    ("http://alice:s3cret@[::1/", "it is not a valid URL (check the brackets around its address)"),
])
def test_a_proxy_url_that_cannot_be_used_says_why_without_its_credentials(proxy, why):
    assert problem(proxy) == why
