"""A facilitated group room in real browsers (protocol §5, §9, §10; HTTP API sign-in and reports).

A facilitator signs in on the staff page, starts a room with an agreement and shares its link.
A peer opens the link, accepts the agreement and joins. Messages are reported both ways: the
facilitator resolves the peer's report and the peer sees the outcome. The facilitator removes
the peer's message (by keyboard) and mutes the peer, who then can't send. Each step is checked
on both screens.
"""
from selenium.webdriver.common.keys import Keys

from helpers import (answer, choose, confirm, in_view, lines, message_menu_button, messages, no_page_errors, say,
                     shown, sign_in, texts, tid, wait_for)

AGREEMENT = "We listen without fixing.\nWhat is said here stays here."
UNKIND = "Nobody cares what you think."
WELCOME = "Welcome, everyone. Take your time."


def create_room(driver, title, agreement):
    tid(driver, "room-title").send_keys(title)
    tid(driver, "room-agreement").send_keys(agreement)
    tid(driver, "room-topics").send_keys("loss, work")
    tid(driver, "room-create").click()
    wait_for(driver, lambda d: shown(d, "room-ready"), "the staff page should say the room is ready")
    return tid(driver, "room-link").get_attribute("value")


def test_facilitator_moderates_a_room_and_both_screens_show_it(staff_server, make_driver, artifacts):
    base = staff_server.base
    facilitator, river = make_driver(), make_driver()

    # The facilitator signs in, starts a room and goes in.
    sign_in(facilitator, base, *staff_server.accounts["facilitator"])
    assert shown(facilitator, "section-rooms") and not shown(facilitator, "section-transcripts")
    link = create_room(facilitator, "Evening circle", AGREEMENT)
    assert link.startswith(base + "/?room=g_"), link
    tid(facilitator, "room-enter").click()
    wait_for(facilitator, lambda d: in_view(d, "chat"), "the facilitator should be in the room")
    wait_for(facilitator, lambda d: tid(d, "chat-title").text == "Evening circle", "the room's title is its heading")
    assert shown(facilitator, "open-tools"), "facilitators get the room tools"

    # The peer opens the shared link, reads the agreement and accepts it.
    river.get(link)
    wait_for(river, lambda d: shown(d, "invite"), "the link should offer to join the room")
    tid(river, "invite-name").send_keys("River")
    tid(river, "invite-join").click()
    wait_for(river, lambda d: shown(d, "agreement-dialog"), "joining should show the agreement first")
    assert tid(river, "agreement-text").text == AGREEMENT
    tid(river, "agreement-accept").click()
    wait_for(river, lambda d: in_view(d, "chat"), "River should be in the room after accepting")
    assert tid(river, "chat-title").text == "Evening circle"
    assert not shown(river, "open-tools"), "peers don't get the facilitator tools"
    wait_for(facilitator, lambda d: "River joined." in lines(d), "the facilitator should see River arrive")

    say(facilitator, WELCOME)
    say(river, UNKIND)
    for driver in (facilitator, river):
        wait_for(driver, lambda d: texts(d) == [WELCOME, UNKIND], "both messages on both screens")

    # The facilitator reports River's message (anyone may report).
    choose(facilitator, message_menu_button(facilitator, UNKIND), "report")
    answer(facilitator, "Unkind words about someone in the room.")
    wait_for(facilitator, lambda d: lines(d, "report"), "the facilitator's report should be acknowledged")

    # River reports the facilitator's message; the facilitator is alerted and resolves it; River sees the outcome.
    choose(river, message_menu_button(river, WELCOME), "report")
    answer(river, "I'd like someone to look at this, please.")
    wait_for(river, lambda d: any("report was sent" in line for line in lines(d, "report")), "River's report is acknowledged")
    wait_for(facilitator, lambda d: d.find_elements("css selector", '[data-testid="alert-card"][data-kind="report"]'),
             "the facilitator should get a report alert")
    tid(facilitator, "open-reports").click()
    wait_for(facilitator, lambda d: any("look at this" in r.text for r in d.find_elements("css selector", '[data-testid="report"]')),
             "River's report should be in the room's reports")
    report = next(r for r in facilitator.find_elements("css selector", '[data-testid="report"]') if "look at this" in r.text)
    report.find_element("css selector", '[data-testid="report-resolve"]').click()
    answer(facilitator, "Thank you. We talked about it together.")
    wait_for(river, lambda d: "We talked about it together." in tid(d, "outcome-card").text, "River sees the outcome", 20)
    assert "A facilitator looked at your report" in tid(river, "outcome-card").text
    wait_for(facilitator, lambda d: any(r.get_attribute("data-status") == "resolved" and "look at this" in r.text
                                         for r in d.find_elements("css selector", '[data-testid="report"]')),
             "the report shows as resolved", 20)
    tid(facilitator, "open-reports").click()  # close the panel again

    # The facilitator removes River's message, by keyboard: the menu button, ArrowDown to "Remove", Enter.
    seq = next(s for s, _, text in messages(facilitator) if text == UNKIND)
    button = message_menu_button(facilitator, UNKIND)
    button.send_keys(Keys.ENTER)
    wait_for(facilitator, lambda d: shown(d, "menu-report"), "Enter opens the menu on its first item")
    facilitator.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert facilitator.switch_to.active_element.get_attribute("data-testid") == "menu-delete"
    facilitator.switch_to.active_element.send_keys(Keys.ENTER)
    confirm(facilitator)
    for driver in (facilitator, river):
        wait_for(driver, lambda d: [(s, t) for s, _, t in messages(d)] == [(seq - 1, WELCOME), (seq, "This message was removed.")],
                 "the message stays in its place without its words, on both screens")
        wait_for(driver, lambda d: any("removed" in line for line in lines(d, "moderation")), "and a line says so")

    # The facilitator mutes River for 10 minutes from the people panel.
    tid(facilitator, "open-people").click()
    person = next(p for p in facilitator.find_elements("css selector", '[data-testid="person"]')
                  if p.find_element("css selector", '[data-testid="person-name"]').text == "River")
    choose(facilitator, person.find_element("css selector", '[data-testid="menu-button"]'), "mute")
    answer(facilitator, "10", multiline=False)
    wait_for(facilitator, lambda d: any("River was muted" in line or "You muted River" in line for line in lines(d, "moderation")),
             "the facilitator sees that River is muted")
    wait_for(river, lambda d: any("paused your messages" in line for line in lines(d, "moderation")),
             "River is told kindly that their messages are paused")
    wait_for(river, lambda d: shown(d, "room-notice"), "River's screen keeps saying so above the message box")

    # River tries to write: the server refuses, River is told why, and the facilitator sees nothing.
    say(river, "Can I still say something?")
    wait_for(river, lambda d: shown(d, "composer-error"), "River should be told the message wasn't sent")
    assert "paused" in tid(river, "composer-error").text
    assert "Can I still say something?" not in texts(river)
    assert tid(river, "composer-input").get_attribute("value") == "Can I still say something?", "the words are kept"
    assert "Can I still say something?" not in texts(facilitator)

    facilitator.save_screenshot(str(artifacts / "group-facilitator.png"))
    river.save_screenshot(str(artifacts / "group-peer.png"))
    no_page_errors(facilitator)
    no_page_errors(river)
