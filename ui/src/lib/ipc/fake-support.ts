// The in-memory fake's support people, crisis numbers and safety plan (see fake.ts), with the
// core's rules and messages for what the UI reacts to.
import { IpcFailure } from './client';
import type {
  CrisisNumber,
  CrisisNumberEdit,
  CrisisNumbers,
  CrisisNumberVisibility,
  LockedHelp,
  NewCrisisNumber,
  Region,
  NewSupportMessage,
  NewSupportPerson,
  SafetyPlanStep,
  SafetyPlanUpdate,
  SupportMessageEdit,
  SupportPerson,
  SupportPersonEdit,
} from './bindings';

/** The same light check as the core's `validate_phone`. */
export function phoneProblem(phone: string): string | null {
  const t = phone.trim();
  if (!t) return 'A phone number is needed: type the digits to call.';
  for (let i = 0; i < t.length; i++) {
    const c = t.charAt(i);
    if (/[0-9 .()-]/.test(c) || (c === '+' && i === 0)) continue;
    if (c === '+') return 'A + can only come first in a phone number (as in +44 20 7946 0000).';
    return `A phone number can have digits, spaces, - . ( ) and a + at the start; “${c}” isn't one of them.`;
  }
  const digits = t.replace(/[^0-9]/g, '').length;
  if (digits < 3 || digits > 20) return `A phone number has 3 to 20 digits; this one has ${digits}.`;
  return null;
}

function dial(phone: string): string {
  const t = phone.trim();
  return (t.startsWith('+') ? '+' : '') + t.replace(/[^0-9]/g, '');
}

export function links(phone: string, message?: string) {
  const n = dial(phone);
  const body = message?.trim();
  return {
    tel: `tel:${n}`,
    sms: body ? `sms:${n}?body=${encodeURIComponent(body).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}` : `sms:${n}`,
  };
}

const BUILTIN: Record<string, { id: string; label: string; number: string; text: boolean }[]> = {
  US: [
    { id: 'us.emergency', label: 'Emergency services', number: '911', text: false },
    { id: 'us.988', label: '988 Suicide & Crisis Lifeline (call or text)', number: '988', text: true },
    { id: 'us.never-use-alone', label: 'Never Use Alone', number: '1-800-484-3731', text: false },
    { id: 'us.poison-control', label: 'Poison Control', number: '1-800-222-1222', text: false },
    { id: 'us.samhsa', label: 'SAMHSA National Helpline', number: '1-800-662-4357', text: false },
  ],
  UK: [
    { id: 'uk.emergency', label: 'Emergency services', number: '999', text: false },
    { id: 'uk.samaritans', label: 'Samaritans', number: '116 123', text: false },
  ],
  CA: [
    { id: 'ca.emergency', label: 'Emergency services', number: '911', text: false },
    { id: 'ca.nors', label: 'National Overdose Response Service (NORS)', number: '1-888-688-6677', text: false },
  ],
};

const REGIONS: readonly Region[] = [
  { code: 'US', name: 'United States', emergency: '911' },
  { code: 'UK', name: 'United Kingdom', emergency: '999' },
  { code: 'CA', name: 'Canada', emergency: '911' },
];

const STEPS = [
  'Warning signs',
  'Things I can do on my own',
  'People and places that distract me',
  'People I can ask for help',
  'Professionals and crisis lines',
  'Making my surroundings safer',
];

const invalid = (message: string) => new IpcFailure('invalid_input', message);

export class FakeSupport {
  people: { id: string; name: string; phone: string; note: string | null; messages: { id: string; text: string }[] }[] = [];
  overrides = new Map<string, { label?: string; number?: string; hidden: boolean }>();
  own: { id: string; label: string; number: string }[] = [];
  plan = new Map<number, string>();
  opened: string[] = [];
  /** Set to make the next open fail, as on a desktop with no dialler. */
  openFails = false;
  private seq = 0;

  constructor(private region: () => string | null) {}

  private id(prefix: string) {
    return `${prefix}-${++this.seq}`;
  }

  private view(p: FakeSupport['people'][number], position: number): SupportPerson {
    return {
      id: p.id,
      name: p.name,
      phone: p.phone,
      note: p.note,
      position,
      links: links(p.phone),
      messages: p.messages.map((m) => ({ id: m.id, text: m.text, sms: links(p.phone, m.text).sms })),
    };
  }

  private person(id: string) {
    const p = this.people.find((x) => x.id === id);
    if (!p) throw new IpcFailure('not_found', "That support person isn't here any more (it may have been deleted).");
    return p;
  }

  list(): SupportPerson[] {
    return this.people.map((p, i) => this.view(p, i));
  }

  private checked(name: string, phone: string, note?: string | null) {
    const n = name.trim();
    if (!n) throw invalid('A name needs at least one letter or number.');
    if (n.length > 60) throw invalid(`A name can be up to 60 characters; this one has ${n.length}.`);
    const problem = phoneProblem(phone);
    if (problem) throw invalid(problem);
    const text = note?.trim() || null;
    if (text && text.length > 200) throw invalid(`A note about someone can be up to 200 characters; this one has ${text.length}.`);
    return { name: n, phone: phone.trim(), note: text };
  }

  add(r: NewSupportPerson): SupportPerson {
    if (this.people.length >= 20) throw invalid('You have 20 people here, the most Ebb keeps: remove someone first.');
    const p = { id: this.id('person'), ...this.checked(r.name, r.phone, r.note), messages: [] };
    this.people.push(p);
    return this.view(p, this.people.length - 1);
  }

  update(r: SupportPersonEdit): SupportPerson {
    const p = this.person(r.id);
    Object.assign(p, this.checked(r.name, r.phone, r.note));
    return this.view(p, this.people.indexOf(p));
  }

  remove(id: string): void {
    this.person(id);
    this.people = this.people.filter((p) => p.id !== id);
  }

  reorder(ids: string[]): SupportPerson[] {
    const have = this.people.map((p) => p.id).sort();
    if ([...ids].sort().join() !== have.join()) {
      throw invalid(
        `A new order lists each of your ${have.length} support people once; this one lists ${ids.length} ids that don't match them. Nothing was moved.`,
      );
    }
    this.people = ids.map((id) => this.person(id));
    return this.list();
  }

  private message(text: string) {
    const t = text.trim();
    if (!t) throw invalid('A message needs at least one word.');
    if (t.length > 160) throw invalid(`A ready-made message can be up to 160 characters (one text); this one has ${t.length}.`);
    return t;
  }

  addMessage(r: NewSupportMessage): SupportPerson {
    const p = this.person(r.personId);
    const text = this.message(r.text);
    if (p.messages.length >= 5) throw invalid('Each person can have up to 5 ready-made messages: change or remove one first.');
    p.messages.push({ id: this.id('message'), text });
    return this.view(p, this.people.indexOf(p));
  }

  private owner(id: string) {
    const p = this.people.find((x) => x.messages.some((m) => m.id === id));
    if (!p) throw new IpcFailure('not_found', "That message isn't here any more (it may have been deleted).");
    return p;
  }

  updateMessage(r: SupportMessageEdit): SupportPerson {
    const p = this.owner(r.id);
    const text = this.message(r.text);
    p.messages = p.messages.map((m) => (m.id === r.id ? { ...m, text } : m));
    return this.view(p, this.people.indexOf(p));
  }

  removeMessage(id: string): SupportPerson {
    const p = this.owner(id);
    p.messages = p.messages.filter((m) => m.id !== id);
    return this.view(p, this.people.indexOf(p));
  }

  /** Every region's built-in numbers, untouched by the person's changes (Help now while locked). */
  lockedHelp(): LockedHelp {
    return {
      regions: REGIONS.map((region) => ({
        region: { ...region },
        numbers: (BUILTIN[region.code] ?? []).map((n) => ({
          id: n.id,
          label: n.label,
          number: n.number,
          links: links(n.number),
          textable: n.text,
          builtin: true,
          edited: false,
          hidden: false,
          lastChecked: '2026-11-27',
          source: 'care.md §6',
        })),
      })),
    };
  }

  numbers(): CrisisNumbers {
    const region = this.region();
    const builtin: CrisisNumber[] = (BUILTIN[region ?? ''] ?? []).map((n) => {
      const o = this.overrides.get(n.id);
      const number = o?.number ?? n.number;
      return {
        id: n.id,
        label: o?.label ?? n.label,
        number,
        links: links(number),
        textable: n.text,
        builtin: true,
        edited: !!(o?.label || o?.number),
        hidden: o?.hidden ?? false,
        lastChecked: '2026-11-27',
        source: 'care.md §6',
      };
    });
    const own: CrisisNumber[] = this.own.map((n) => ({
      ...n,
      links: links(n.number),
      textable: true,
      builtin: false,
      edited: false,
      hidden: false,
      lastChecked: null,
      source: null,
    }));
    return {
      region,
      regions: REGIONS.map((r) => ({ ...r })),
      numbers: [...builtin, ...own],
    };
  }

  private isBuiltin(id: string) {
    return Object.values(BUILTIN).some((list) => list.some((n) => n.id === id));
  }

  private numberChecked(label: string, number: string) {
    if (!label.trim()) throw invalid('A label needs at least one letter or number.');
    const problem = phoneProblem(number);
    if (problem) throw invalid(problem);
    return { label: label.trim(), number: number.trim() };
  }

  addNumber(r: NewCrisisNumber): CrisisNumbers {
    this.own.push({ id: this.id('number'), ...this.numberChecked(r.label, r.number) });
    return this.numbers();
  }

  editNumber(r: CrisisNumberEdit): CrisisNumbers {
    const own = this.own.find((n) => n.id === r.id);
    if (!own && !this.isBuiltin(r.id)) throw new IpcFailure('not_found', "That number isn't here any more (it may have been deleted).");
    const v = this.numberChecked(r.label, r.number);
    if (own) Object.assign(own, v);
    else this.overrides.set(r.id, { ...v, hidden: this.overrides.get(r.id)?.hidden ?? false });
    return this.numbers();
  }

  resetNumber(id: string): CrisisNumbers {
    if (!this.isBuiltin(id)) throw invalid(`Only Ebb's own numbers can be reset; “${id}” isn't one of them.`);
    this.overrides.delete(id);
    return this.numbers();
  }

  hideNumber(r: CrisisNumberVisibility): CrisisNumbers {
    if (!this.isBuiltin(r.id)) {
      throw invalid(`Only Ebb's own numbers can be hidden (yours can be deleted); “${r.id}” isn't one of Ebb's.`);
    }
    this.overrides.set(r.id, { ...this.overrides.get(r.id), hidden: r.hidden });
    return this.numbers();
  }

  deleteNumber(id: string): CrisisNumbers {
    if (this.isBuiltin(id)) throw invalid(`Ebb's own numbers can be changed or hidden, not deleted; “${id}” is one of them.`);
    this.own = this.own.filter((n) => n.id !== id);
    return this.numbers();
  }

  safetyPlan(): SafetyPlanStep[] {
    return STEPS.map((title, i) => ({ step: i + 1, title, text: this.plan.get(i + 1) ?? '' }));
  }

  setStep(r: SafetyPlanUpdate): SafetyPlanStep[] {
    if (r.step < 1 || r.step > 6) throw invalid(`A safety plan has six steps, 1 to 6; got ${r.step}.`);
    const text = r.text.trim();
    if (text.length > 4000) {
      throw invalid(
        `Each step of the plan can be up to 4,000 characters; this one has ${text.length.toLocaleString('en')}. Nothing was saved.`,
      );
    }
    if (text) this.plan.set(r.step, text);
    else this.plan.delete(r.step);
    return this.safetyPlan();
  }

  open(url: string): void {
    if (this.openFails) throw new IpcFailure('internal', 'No application can open this link.');
    this.opened.push(url);
  }
}
