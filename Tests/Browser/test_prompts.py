"""Room prompts and reflection in real browsers (protocol §7): labelled as automatic, shown gently,
the closing prompt offered when someone moves to leave, and an off switch that the server honours."""
from selenium.webdriver.common.by import By

from helpers import say, shown, start, tid, wait_for


def cards(driver, testid):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]')]


def test_prompts_are_labelled_offered_on_leaving_and_can_be_turned_off(chat_server, make_driver):
    river, sam = make_driver(), make_driver()
    start(river, chat_server, "River")
    wait_for(river, lambda d: shown(d, "waiting-view"), "River waits for a peer")
    start(sam, chat_server, "Sam")
    for driver in (river, sam):
        wait_for(driver, lambda d: shown(d, "chat-view"), "both are in the chat")
        # The opening prompt, to both, labelled as automatic (no person wrote it).
        wait_for(driver, lambda d: cards(d, "prompt-card"), "the opening prompt shows")
        assert "automatic" in cards(driver, "prompt-card")[0].lower()

    # A sent message that frames the other by what is wrong: only its author gets a private reflection.
    say(river, "what's wrong with you today?")
    wait_for(river, lambda d: cards(d, "reflection-card"), "River gets a private reflection")
    assert "What happened" in cards(river, "reflection-card")[0]
    assert "only you" in cards(river, "reflection-card")[0].lower()
    wait_for(sam, lambda d: "what's wrong with you today?" in d.page_source, "Sam gets the message itself, unchanged")
    assert not cards(sam, "reflection-card"), "nobody else sees a reflection"

    # A real exchange (the closing prompt needs a few messages), then Sam moves to leave and stays:
    # the closing prompt is offered in the room.
    for driver, text in ((sam, "Long day. Work was a lot."), (river, "That sounds heavy."), (sam, "It was. Thanks.")):
        say(driver, text)
        wait_for(river, lambda d, t=text: t in d.page_source, "the exchange reaches River")
    before = len(cards(river, "prompt-card"))
    tid(sam, "leave-button").click()
    wait_for(sam, lambda d: tid(d, "confirm-dialog").is_displayed(), "leaving asks first")
    tid(sam, "confirm-cancel").click()
    wait_for(river, lambda d: len(cards(d, "prompt-card")) > before, "a closing prompt is offered")

    # River turns prompts off for herself; the server confirms it in the conversation.
    buttons = river.find_elements(By.CSS_SELECTOR, '[data-testid="prompts-off"]')
    assert buttons, "each prompt offers a way to turn prompts off"
    buttons[-1].click()
    wait_for(river, lambda d: "prompts are off for you" in tid(d, "message-list").text.lower(),
             "River is told prompts are off for her")
