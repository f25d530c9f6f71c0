"""What the browser tests do on a page: find by data-testid, wait, read the messages, say things,
use the actions menus and dialogs, and sign staff in."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 15


def tid(driver, testid):
    return driver.find_element(By.CSS_SELECTOR, f'[data-testid="{testid}"]')


def wait_for(driver, condition, message, timeout=WAIT):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d), message)


def shown(driver, testid):
    elements = driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]')
    return bool(elements) and elements[0].is_displayed()


def messages(driver):
    """(seq, own, text) for every message in the room on screen, in page order."""
    return driver.execute_script("""
        const list = document.querySelector('[data-testid="message-list"]:not([hidden])');
        if (!list) return [];
        return [...list.querySelectorAll('[data-testid="message"]')].map((m) => [
            Number(m.dataset.seq), m.dataset.own === 'true',
            m.querySelector('[data-testid="message-text"]').textContent]);
    """)


def texts(driver):
    return [text for _, _, text in messages(driver)]


def lines(driver, kind=None):
    """The quiet lines (presence, moderation, consent, report) in the room on screen."""
    return driver.execute_script("""
        const list = document.querySelector('[data-testid="message-list"]:not([hidden])');
        if (!list) return [];
        return [...list.querySelectorAll('[data-testid="system-line"]')]
            .filter((l) => !arguments[0] || l.dataset.kind === arguments[0]).map((l) => l.textContent);
    """, kind)


def in_view(driver, name):
    return driver.execute_script("return document.body.dataset.view") == name


def start(driver, base, name):
    driver.get(base + "/")
    field = tid(driver, "name-input")
    field.send_keys(name)
    tid(driver, "find-peer").click()


def say(driver, text):
    box = tid(driver, "composer-input")
    box.send_keys(text)
    tid(driver, "send-button").click()


def message_menu_button(driver, text):
    """The actions button of the message on screen whose text is `text`."""
    button = driver.execute_script("""
        const list = document.querySelector('[data-testid="message-list"]:not([hidden])');
        const item = [...list.querySelectorAll('[data-testid="message"]')]
            .find((m) => m.querySelector('[data-testid="message-text"]').textContent === arguments[0]);
        return item ? item.querySelector('[data-testid="menu-button"]') : null;
    """, text)
    assert button is not None, f"no actions button on the message {text!r}"
    return button


def choose(driver, button, item):
    """Open an actions menu with a click and pick one of its items."""
    button.click()
    wait_for(driver, lambda d: shown(d, f"menu-{item}"), f"the menu should offer {item}")
    tid(driver, f"menu-{item}").click()


def answer(driver, text, multiline=True):
    """Fill the input dialog and confirm it."""
    wait_for(driver, lambda d: shown(d, "input-dialog"), "a question should be asked")
    field = tid(driver, "input-area" if multiline else "input-line")
    field.clear()
    field.send_keys(text)
    tid(driver, "input-ok").click()
    wait_for(driver, lambda d: not shown(d, "input-dialog"), "the question should close")


def confirm(driver):
    wait_for(driver, lambda d: shown(d, "confirm-dialog"), "a confirmation should be asked")
    tid(driver, "confirm-ok").click()
    wait_for(driver, lambda d: not shown(d, "confirm-dialog"), "the confirmation should close")


def sign_in(driver, base, name, password):
    driver.get(base + "/staff.html")
    wait_for(driver, lambda d: shown(d, "signin-view"), "the staff page should ask to sign in")
    tid(driver, "signin-username").send_keys(name)
    tid(driver, "signin-password").send_keys(password + Keys.ENTER)
    wait_for(driver, lambda d: shown(d, "staff-view"), f"{name} should be signed in")


def no_page_errors(driver):
    problems = [e["message"] for e in driver.get_log("browser")
                if "Content Security Policy" in e["message"] or "Uncaught" in e["message"]]
    assert not problems, problems
