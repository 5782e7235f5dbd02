"""The web UI in a real browser (chromium via Playwright): the flows a reader follows, and hostile text."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def shoot(tab, shots, name: str) -> None:
    path = shots / f"{name}.png"
    height = tab.page.evaluate("document.documentElement.scrollHeight")
    tab.page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": 1280,
                                                              "height": min(height, 2000)})
    assert path.stat().st_size > 10_000  # a blank page compresses to almost nothing


def api(tab, url: str) -> dict:
    response = tab.page.request.get(url)
    assert response.ok, response.text()
    return response.json()


def assert_positions_and_shifts_match_the_api(tab, base: str) -> None:
    """The speaker page lists exactly the positions and shifts the API has for that speaker."""
    page = tab.page
    speaker_id = page.url.rsplit("/speakers/", 1)[1]
    positions = api(tab, f"{base}/api/positions?speaker_id={speaker_id}&limit=500")
    expect(page.locator("#positions h3")).to_have_count(positions["total"])
    for position in positions["items"]:
        expect(page.locator("#positions h3", has_text=position["label"][:40])).not_to_have_count(0)
    quotes = {q["id"] for q in api(tab, f"{base}/api/quotes?speaker_id={speaker_id}&limit=500")["items"]}
    shifts = [l for l in api(tab, f"{base}/api/links?relation=shift&limit=500")["items"]
              if l["a"] in quotes or l["b"] in quotes]
    expect(page.locator("#shifts .shift")).to_have_count(len(shifts))
    if shifts:
        expect(page.locator("#shifts .statement")).to_have_count(2 * len(shifts))  # from … then to …


def open_largest_story_from_home(tab, base: str) -> str:
    page = tab.page
    page.goto(base + "/")
    expect(page.locator("h1")).to_have_text("Who said what, where and when")
    page.locator("#largest-stories a").first.click()
    expect(page).to_have_url(re.compile(r"/stories/[^/]+$"))
    return page.locator("#story-label").inner_text()


def test_web_example_flow_home_story_speaker_article_search(tab, example_url, shots):
    page = tab.page
    open_largest_story_from_home(tab, example_url)
    # the story: a timeline with one dot per dated article, outlets side by side, first sources marked
    expect(page.locator("#story-timeline circle.dot").first).to_be_visible()
    outlets = page.locator("#coverage-by-outlet tbody tr")
    assert outlets.count() >= 3
    grid_rows = page.locator("#outlets tbody tr")
    assert grid_rows.count() >= 1
    assert page.locator("#outlets .first-badge").count() == grid_rows.count()  # one first source per statement
    assert page.locator("#outlets td.left-out").count() >= 1  # what an outlet left out is shown
    shoot(tab, shots, "story")

    # → a speaker: spellings, roles with dates, positions and the shift
    page.locator("#outlets a[href^='/speakers/']", has_text="Ilse Varga").first.click()
    expect(page.locator("#speaker-name")).to_have_text("Ilse Varga")
    expect(page.locator("#aliases li", has_text="Ms Varga")).to_have_count(1)
    expect(page.locator("#roles td", has_text="Transport Minister").first).to_be_visible()
    assert page.locator("#speaker-timeline circle.dot").count() >= 5
    assert_positions_and_shifts_match_the_api(tab, example_url)
    shoot(tab, shots, "speaker")

    # → an article: statements and speakers highlighted, evidence on hover and on click
    page.locator("main .statement footer a[href^='/articles/']").first.click()
    expect(page.locator("#article-title")).to_be_visible()
    quotes = page.locator("#article-text mark.quote")
    assert quotes.count() >= 3
    assert "confidence" in quotes.first.get_attribute("title")
    assert page.locator("#article-text span.speaker").count() >= 1
    evidence = page.locator("#evidence details").first
    expect(evidence.locator("dl")).to_be_hidden()
    page.locator("#article-text a.qref").first.click()  # the statement's number opens its evidence
    expect(evidence.locator("dl")).to_be_visible()
    expect(evidence.locator("dd", has_text="newsgraph.quotes")).to_have_count(1)

    # removed text is hidden until asked for, then struck out
    assert page.locator("#article-text del").count() == 0
    page.locator("#toggle-boilerplate").click()
    expect(page).to_have_url(re.compile(r"boilerplate=1"))
    expect(page.locator("#article-text .removed del").first).to_be_visible()
    shoot(tab, shots, "article")

    # → search: full text from the header box, then semantic with a speaker filter
    page.locator("header form.quick input[name=q]").fill("automation")
    page.locator("header form.quick input[name=q]").press("Enter")
    expect(page.locator("#results li.article-hit").first).to_be_visible()
    assert page.locator("#results .snippet mark").count() >= 1
    page.locator("#search-form input[name=mode][value=semantic]").check()
    page.locator("#search-form input[name=q]").fill("robots replacing harbour workers")
    page.locator("#search-form input[name=speaker]").fill("Varga")
    page.locator("#search-form button[type=submit]").click()
    hits = page.locator("#results li.statement-hit")
    expect(hits.first).to_be_visible()
    assert set(hits.locator(".who").all_inner_texts()) == {"Ilse Varga"}
    shoot(tab, shots, "search")
    assert tab.dialogs == []


def test_web_home_screenshot_and_lists(tab, example_url, shots):
    page = tab.page
    page.goto(example_url + "/")
    assert page.locator("#latest-stories li").count() >= 4
    assert page.locator("#top-speakers li").count() >= 5
    bars = page.locator("#coverage rect.bar")
    assert bars.count() == 13  # March 2024 to March 2025, empty months included
    assert "2024-03: " in bars.first.locator("title").text_content()
    shoot(tab, shots, "home")
    page.locator("nav a", has_text="Speakers").click()
    page.locator("form.filters input[name=name]").fill("dorin")
    page.locator("form.filters button").click()
    expect(page.locator("#speakers tbody tr")).to_have_count(1)
    expect(page.locator("#speakers td", has_text="Alexei Dorin")).to_have_count(1)  # a merged spelling


def test_web_seed_flow_home_story_speaker_article_search(tab, seeds_url, shots):
    page = tab.page
    open_largest_story_from_home(tab, seeds_url)
    expect(page.locator("#coverage-by-outlet td", has_text="TASS")).to_have_count(1)
    shoot(tab, shots, "seeds-story")
    page.locator("#story-articles a").first.click()
    expect(page.locator("#article-title")).to_be_visible()
    assert page.locator("#article-text mark.quote").count() >= 3
    page.locator("#article-text span.speaker").first.wait_for()
    page.goto(seeds_url + "/speakers?name=Peskov")
    page.locator("#speakers a", has_text="Peskov").first.click()
    expect(page.locator("#aliases li", has_text="Dmitri Peskov")).to_have_count(1)  # both spellings, one person
    expect(page.locator("#aliases li", has_text="Dmitry Peskov")).to_have_count(1)
    assert_positions_and_shifts_match_the_api(tab, seeds_url)
    shoot(tab, shots, "seeds-speaker")
    page.goto(seeds_url + "/search?q=reset")
    titles = page.locator("#results a.hit-title")
    expect(titles.first).to_be_visible()
    assert titles.count() >= 2
    page.goto(seeds_url + "/search?" + "q=relations+will+take+a+long+time+to+mend&mode=semantic&speaker=Peskov")
    expect(page.locator("#results li.statement-hit").first).to_be_visible()
    assert tab.dialogs == []


def test_web_bad_parameters_show_an_error_page(tab, example_url):
    page = tab.page
    response = page.goto(example_url + "/search?q=port&since=yesterday")
    assert response.status == 422
    expect(page.locator(".error-message")).to_contain_text("since")
    response = page.goto(example_url + '/search?q="unclosed')
    assert response.status == 400
    response = page.goto(example_url + "/stories/no-such-story")
    assert response.status == 404


HOSTILE_PAGES = ("/", "/articles", "/speakers", "/search?q=script", "/search?q=minister&mode=semantic",
                 "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/speakers?name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")


def assert_inert(tab) -> None:
    page = tab.page
    page.wait_for_timeout(150)  # let any injected handler (onerror of a broken image) fire if it could
    assert tab.dialogs == []
    assert page.evaluate("window.__xss") is None
    scripts = page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert scripts == ["/static/app.js"]  # our one file: no script element came from the article
    handlers = page.evaluate("""Array.from(document.querySelectorAll('*')).flatMap(
        el => Array.from(el.attributes).filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""")
    assert handlers == []
    assert page.locator("iframe, img, svg[onload], a[href^='javascript:']").count() == 0


def test_web_hostile_article_renders_inert(tab_without_csp, hostile_url, shots):
    page = tab_without_csp.page
    page.goto(hostile_url + "/articles")
    page.locator("#articles a").first.click()
    expect(page.locator("#article-text")).to_contain_text("<script>window.__xss")
    expect(page.locator("#article-text")).to_contain_text("<img src=x onerror=")
    assert page.locator("#article-text mark.quote").count() >= 1  # highlighting went through hostile text
    assert_inert(tab_without_csp)
    page.locator("#toggle-boilerplate").click()
    assert_inert(tab_without_csp)
    page.locator("#evidence details summary").first.click()
    assert_inert(tab_without_csp)
    shoot(tab_without_csp, shots, "hostile-article")
    for path in HOSTILE_PAGES:
        page.goto(hostile_url + path)
        assert_inert(tab_without_csp)
