"""The peer chat in real browsers against the real server (protocol §3–6).

Two people are matched, talk both ways, one loses the network and comes back to find what it
missed exactly once, then the other leaves and the first is told kindly. Plus the landing page
at 360 px: no sideways scrolling, every control reachable with Tab.
"""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import messages, say, shown, start, texts, tid, wait_for


def set_offline(driver, offline):
    """A network drop as Chrome's DevTools emulate it (no hook in the page needed)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def test_two_peers_talk_survive_a_drop_and_part_kindly(chat_server, make_driver, artifacts):
    river, sam = make_driver(), make_driver()

    start(river, chat_server, "River")
    wait_for(river, lambda d: shown(d, "waiting-view"), "River should be waiting for a peer")
    assert "line" in tid(river, "queue-position").text or "Looking" in tid(river, "queue-position").text

    start(sam, chat_server, "Sam")
    for driver, other in ((river, "Sam"), (sam, "River")):
        wait_for(driver, lambda d: shown(d, "chat-view"), "both should be in the chat")
        wait_for(driver, lambda d, o=other: o in tid(d, "chat-title").text, f"heading should name {other}")

    # Both ways, with own messages marked as one's own.
    say(river, "Hello Sam, I'm River.")
    wait_for(sam, lambda d: "Hello Sam, I'm River." in texts(d), "Sam should get River's message")
    say(sam, "Hi River, good to meet you.")
    wait_for(river, lambda d: "Hi River, good to meet you." in texts(d), "River should get Sam's reply")
    assert [(own, text) for _, own, text in messages(river)] == [
        (True, "Hello Sam, I'm River."), (False, "Hi River, good to meet you.")]
    assert [own for _, own, _ in messages(sam)] == [False, True]
    assert "Sam: Hi River, good to meet you." in tid(river, "announcer").get_attribute("textContent"), \
        "screen readers hear the other person's message"

    # What a peer writes is shown as text, never as markup.
    say(sam, "<b>not bold</b><img src=x>")
    wait_for(river, lambda d: "<b>not bold</b><img src=x>" in texts(d), "markup arrives as plain text")
    assert not river.find_elements(By.CSS_SELECTOR, '[data-testid="message-text"] b, [data-testid="message-text"] img')

    # Typing reaches the other side.
    tid(sam, "composer-input").send_keys("typing")
    wait_for(river, lambda d: "Sam" in tid(d, "typing-indicator").text, "River should see Sam typing")
    tid(sam, "composer-input").clear()

    # River drops off the network; Sam keeps writing; River comes back and sees each missed message once.
    set_offline(river, True)
    wait_for(river, lambda d: tid(d, "conn-status").get_attribute("data-state") == "reconnecting",
             "River's page should notice the drop")
    missed = [f"While you were away {n}" for n in range(1, 4)]
    for text in missed:
        say(sam, text)
    wait_for(sam, lambda d: texts(d)[-3:] == missed, "Sam's own messages should show")
    set_offline(river, False)
    wait_for(river, lambda d: all(t in texts(d) for t in missed), "River should catch up after reconnecting", 30)
    wait_for(river, lambda d: tid(d, "conn-status").get_attribute("data-state") == "online", "River back online")

    seen = messages(river)
    assert [text for _, _, text in seen] == [
        "Hello Sam, I'm River.", "Hi River, good to meet you.", "<b>not bold</b><img src=x>", *missed], \
        "each message exactly once, in order"
    seqs = [seq for seq, _, _ in seen]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), f"no gaps or duplicates in seq: {seqs}"

    # And the conversation carries on after the drop.
    say(river, "I'm back.")
    wait_for(sam, lambda d: "I'm back." in texts(d), "Sam should get River's message after the drop")
    river.save_screenshot(str(artifacts / "chat.png"))

    # Sam leaves (after confirming); River is told kindly and offered a way on.
    tid(sam, "leave-button").click()
    wait_for(sam, lambda d: tid(d, "confirm-dialog").is_displayed(), "leaving asks first")
    tid(sam, "confirm-ok").click()
    wait_for(sam, lambda d: shown(d, "landing-view"), "Sam goes back to the start")
    wait_for(river, lambda d: shown(d, "closed-notice"), "River should be told that Sam left")
    assert "Sam has left" in tid(river, "closed-notice").text
    assert tid(river, "find-another").is_displayed()
    assert not shown(river, "composer")


def test_landing_fits_360px_and_every_control_is_reachable_by_tab(chat_server, make_driver):
    driver = make_driver()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    driver.get(chat_server + "/")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#topic-chips input"), "topic chips render")

    overflow = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert overflow[0] <= overflow[1], f"horizontal scroll at 360 px: {overflow}"

    # Every visible, enabled control on the landing view gets focus when tabbing through the page.
    controls = driver.execute_script("""
        const all = document.querySelectorAll('a[href], button, input, textarea, select, summary');
        const visible = [...all].filter((el) => !el.disabled && !el.closest('[hidden], dialog')
            && el.getClientRects().length > 0);
        visible.forEach((el, i) => { el.dataset.tabProbe = String(i); });
        return visible.length;
    """)
    assert controls >= 12, "expected the name field, topic chips, free text and buttons"
    driver.find_element(By.TAG_NAME, "body").click()
    reached = set()
    for _ in range(controls * 2 + 5):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        probe = driver.execute_script("return document.activeElement?.dataset?.tabProbe ?? null")
        if probe is not None:
            reached.add(int(probe))
    assert reached == set(range(controls)), f"not reachable by Tab: {sorted(set(range(controls)) - reached)}"

    messages_ = [e["message"] for e in driver.get_log("browser")]
    assert not [m for m in messages_ if "Content Security Policy" in m or "Uncaught" in m], messages_
