"""With several convictions the result page opens with one line per conviction, each a link to
its card: on a phone the cards are long, and a legal aid worker needs the outcomes first."""

import re

from webwalk import cards, text_of, walk_case
from webwalk import case_named as example


def glance(html):
    found = re.search(
        r'<nav class="glance" aria-labelledby="glance-heading">(.*?)</nav>', html, re.S
    )
    return found and found.group(1)


def test_several_convictions_are_listed_first_each_linking_to_its_card(client):
    case = example("01-possession-2011-dismissed-automatically")
    case["convictions"] += example("06-federal")["convictions"]
    case["convictions"] += example("02-sale-felony-2013-reduced")["convictions"]
    html = walk_case(client, case)
    listed = glance(html)
    assert listed and html.index('class="glance"') < html.index("<article")
    links = re.findall(
        r'<li><a href="#([^"]+)"><span class="caption">([^<]+)</span> '
        r"<strong>([^<]+)</strong></a></li>",
        listed,
    )
    assert [target for target, _words, _outcome in links] == [c[0] for c in cards(html)]
    assert len(links) == 3
    for target, words, outcome in links:
        card = re.search(rf'<article [^>]*id="{target}"[^>]*>.*?</article>', html, re.S).group(0)
        assert words in card and f'<span class="outcome">{outcome}</span>' in card
    assert "Your results at a glance" in text_of(listed)


def test_one_conviction_goes_straight_to_its_card(client):
    html = walk_case(client, example("01-possession-2011-dismissed-automatically"))
    assert glance(html) is None and len(cards(html)) == 1


def test_the_list_is_in_the_readers_language(client):
    client.get("/lang/es?next=/")
    case = example("01-possession-2011-dismissed-automatically")
    case["convictions"] += example("06-federal")["convictions"]
    listed = glance(walk_case(client, case))
    assert "Sus resultados de un vistazo" in listed and "Condena 1" in listed
