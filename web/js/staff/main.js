// Entry point of the staff page: sign in (or pick up a stored sign-in), then show the
// sections this role may use: facilitators start rooms and handle reports, workers review
// saved conversations, admins have all of that plus the audit log.
import { setNotice } from '../render.js';
import { signIn, checkStored, signOut, signInProblem } from './auth.js';
import { initRooms } from './rooms.js';
import { initReports } from './reports.js';
import { initTranscripts } from './transcripts.js';
import { initAudit } from './audit.js';

const $ = (id) => document.getElementById(id);

const SECTIONS = {
  facilitator: ['section-rooms', 'section-reports'],
  worker: ['section-transcripts'],
  admin: ['section-rooms', 'section-reports', 'section-transcripts', 'section-audit'],
};
const ROLE_WORDS = { facilitator: 'facilitator', worker: 'worker', admin: 'admin' };

function show(view, focus = true) {
  $('view-signin').hidden = view !== 'signin';
  $('view-staff').hidden = view !== 'staff';
  document.body.dataset.view = view;
  if (focus) $(`view-${view}`).querySelector('[data-focus]')?.focus();
}

function showSignIn(note = '', focus = false) {
  $('signed-in').hidden = true;
  $('signin-note').textContent = note;
  show('signin', focus);
  if (!focus) $('username').focus();
}

/** The server stopped taking our token: back to signing in, saying why. */
function expired() {
  signOut();
  showSignIn('Your sign-in has ended. Please sign in again.', true);
}

let started = false;
function showStaff(sign) {
  const sections = SECTIONS[sign.role] || [];
  $('signed-in-text').textContent = `Signed in as ${sign.name} (${ROLE_WORDS[sign.role] || sign.role})`;
  $('signed-in').hidden = false;
  $('staff-name').textContent = sign.name;
  for (const id of Object.values(SECTIONS).flat()) $(id).hidden = !sections.includes(id);
  for (const link of document.querySelectorAll('.staff-nav a')) link.hidden = !sections.includes(link.dataset.section);
  document.querySelector('.staff-nav').hidden = sections.length < 2;
  document.body.dataset.role = sign.role;
  show('staff');
  if (started) return; // one sign-in per page load; signing out reloads
  started = true;
  if (sections.includes('section-rooms')) initRooms();
  if (sections.includes('section-reports')) {
    const reports = initReports(sign, expired);
    reports.load();
    document.addEventListener('reports-changed', reports.load);
  }
  if (sections.includes('section-transcripts')) initTranscripts(sign, expired).load();
  if (sections.includes('section-audit')) initAudit(sign, expired).load();
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) return setNotice($('signin-error'), 'Please fill in your staff name and password.');
  setNotice($('signin-error'), '');
  const button = event.submitter || $('signin-form').querySelector('[type="submit"]');
  button.disabled = true;
  try {
    const sign = await signIn(username, password);
    $('password').value = '';
    showStaff(sign);
  } catch (error) {
    setNotice($('signin-error'), signInProblem(error));
  } finally {
    button.disabled = false;
  }
});

$('sign-out').addEventListener('click', async () => {
  await signOut();
  location.replace('/staff.html?signed-out'); // a clean page: nothing of the signed-in view stays in memory
});

const stored = await checkStored();
if (stored) showStaff(stored);
else showSignIn(new URLSearchParams(location.search).has('signed-out') ? 'You are signed out. Thank you for today.' : '');
