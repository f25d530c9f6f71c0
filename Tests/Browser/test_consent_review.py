"""Consent, transcripts and receipts in real browsers (protocol §8; HTTP API transcripts and receipts).

Two peers each switch on "keep a copy" after reading what it means, see each other's choice, talk,
and one leaves. Both get a receipt. A worker signs in and reads the saved conversation (told that
the read is recorded). One peer opens the receipt page, sees the worker's read in the access log,
and takes the copy back; after that the worker can no longer read it.
"""
import json
import urllib.error
import urllib.request

from helpers import (confirm, in_view, no_page_errors, say, shown, sign_in, start, texts, tid, wait_for)

FIRST = "It was a hard week, honestly."
SECOND = "I hear you. What happened?"


def switch_on_keeping_a_copy(driver):
    switch = tid(driver, "consent-switch")
    assert switch.get_attribute("aria-checked") == "false", "keeping a copy is off until chosen"
    switch.click()
    wait_for(driver, lambda d: shown(d, "confirm-dialog"), "turning it on first says what it means")
    points = tid(driver, "confirm-points").text
    for words in ("What is kept", "30 days", "Who may read it", "recorded", "receipt", "take it back"):
        assert words in points, f"the explanation should say {words!r}: {points!r}"
    confirm(driver)
    wait_for(driver, lambda d: tid(d, "consent-switch").get_attribute("aria-checked") == "true",
             "the switch turns on once the server confirms")


def consent_of(driver, name):
    """What the people panel says about `name`'s consent ('true'/'false'), or None if not listed."""
    return driver.execute_script("""
        const person = [...document.querySelectorAll('[data-testid="person"]')]
            .find((p) => p.querySelector('[data-testid="person-name"]').textContent.startsWith(arguments[0]));
        return person ? person.dataset.consent : null;
    """, name)


def api_status(base, path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None


def test_consent_review_receipt_and_revoke(staff_server, make_driver, artifacts):
    base = staff_server.base
    river, sam = make_driver(), make_driver()

    start(river, base, "River")
    wait_for(river, lambda d: shown(d, "waiting-view"), "River should be waiting")
    start(sam, base, "Sam")
    for driver in (river, sam):
        wait_for(driver, lambda d: in_view(d, "chat"), "both should be in the conversation")

    # Each says yes after reading what it means; each sees the other's choice in the people panel.
    switch_on_keeping_a_copy(river)
    switch_on_keeping_a_copy(sam)
    for driver, other in ((river, "Sam"), (sam, "River")):
        tid(driver, "open-people").click()
        wait_for(driver, lambda d, o=other: consent_of(d, o) == "true", f"{other}'s consent should show")
        assert "agreed to keep a copy" in tid(driver, "people-list").text

    say(river, FIRST)
    wait_for(sam, lambda d: FIRST in texts(d), "Sam gets River's message")
    say(sam, SECOND)
    wait_for(river, lambda d: SECOND in texts(d), "River gets Sam's reply")

    # River leaves; the pair room ends with both consenting, so both get a receipt.
    tid(river, "leave-button").click()
    confirm(river)
    for driver in (river, sam):
        wait_for(driver, lambda d: shown(d, "receipt-card"), "a receipt should be shown", 20)
    card = tid(river, "receipt-card").text
    assert "only key" in card and "fingerprint" in card, card
    link = tid(river, "receipt-link").get_attribute("value")
    transcript = tid(river, "receipt-link").get_attribute("data-transcript")
    assert link.startswith(base + "/receipt.html#"), link
    assert tid(river, "receipt-open").get_attribute("href") == link
    assert tid(sam, "receipt-link").get_attribute("value") != link, "each person has their own receipt"
    river.save_screenshot(str(artifacts / "consent-receipt.png"))

    # A worker reads the saved conversation; the page says the read is recorded.
    worker = make_driver()
    sign_in(worker, base, *staff_server.accounts["worker"])
    assert shown(worker, "section-transcripts") and not shown(worker, "section-rooms")
    assert "recorded" in tid(worker, "section-transcripts").text
    wait_for(worker, lambda d: d.find_elements("css selector", f'[data-testid="transcript-item"][data-transcript="{transcript}"]'),
             "the saved conversation should be listed")
    item = worker.find_element("css selector", f'[data-testid="transcript-item"][data-transcript="{transcript}"]')
    assert "River" not in item.text and "Sam" not in item.text, "names show only on a recorded read"
    item.find_element("css selector", '[data-testid="transcript-read"]').click()
    wait_for(worker, lambda d: shown(d, "transcript-view"), "the transcript should open")
    shown_texts = [e.text for e in worker.find_elements("css selector", '[data-testid="transcript-text"]')]
    assert shown_texts == [FIRST, SECOND], shown_texts
    assert "recorded" in tid(worker, "transcript-recorded").text
    people = worker.find_elements("css selector", '[data-testid="participant"][data-consented="true"]')
    assert len(people) == 2 and {"River", "Sam"} <= {word for p in people for word in p.text.split()}, [p.text for p in people]
    worker.save_screenshot(str(artifacts / "consent-worker.png"))

    # River opens the receipt page: the conversation, and the worker's read in the access log.
    river.get(link)
    wait_for(river, lambda d: shown(d, "receipt-body"), "the receipt page should show the conversation")
    assert [e.text for e in river.find_elements("css selector", '[data-testid="transcript-text"]')] == [FIRST, SECOND]
    access = [e.text for e in river.find_elements("css selector", '[data-testid="access-entry"]')]
    staff_name = staff_server.accounts["worker"][0]
    assert any(staff_name in entry and "worker" in entry for entry in access), access
    river.save_screenshot(str(artifacts / "consent-receipt-page.png"))

    # River takes it back (after confirming) and is told plainly.
    tid(river, "revoke").click()
    confirm(river)
    wait_for(river, lambda d: shown(d, "revoke-result"), "the result of taking it back should show")
    assert "deleted for good" in tid(river, "revoke-result").text
    assert not shown(river, "receipt-body")

    # The worker can no longer read it: not listed, and the API says it is gone.
    tid(worker, "transcripts-refresh").click()
    wait_for(worker, lambda d: not d.find_elements("css selector", f'[data-testid="transcript-item"][data-transcript="{transcript}"]'),
             "the saved conversation is no longer listed")
    token = worker.execute_script("return JSON.parse(sessionStorage.getItem('withness.staff')).token")
    status, _ = api_status(base, f"/api/transcripts/{transcript}", token)
    assert status in (404, 410), f"reading a taken-back transcript should fail, got {status}"

    for driver in (river, sam, worker):
        no_page_errors(driver)
