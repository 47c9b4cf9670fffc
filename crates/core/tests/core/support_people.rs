//! Support people and messages, their call/text links, crisis numbers by region and the
//! person's changes to them, the safety plan, and the `reaching-out` technique.

use ebb_core::{
    CrisisNumberEdit, CrisisNumberVisibility, Error, Intensity, NewCrisisNumber, NewSession,
    NewSupportMessage, NewSupportPerson, NewUrge, SafetyPlanUpdate, SessionEnd, SettingsUpdate,
    Store, SupportMessageEdit, SupportPersonEdit, TechniqueKind, builtin_technique, contact_links,
    validate_phone,
};

use crate::support::store_at_t0;

fn person(name: &str, phone: &str) -> NewSupportPerson {
    NewSupportPerson { name: name.to_owned(), phone: phone.to_owned(), note: None }
}

fn invalid(err: Error) -> (&'static str, String) {
    match err {
        Error::Invalid(i) => (i.field, i.message),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Everything this module stores, to show a refusal changed nothing.
fn snapshot(store: &Store) -> String {
    format!(
        "{:?}|{:?}|{:?}|{:?}",
        store.support_people().unwrap(),
        store.crisis_numbers().unwrap(),
        store.safety_plan().unwrap(),
        store.settings().unwrap()
    )
}

#[test]
fn phones_are_checked_lightly_with_a_specific_message() {
    for ok in ["999", "116 123", "+44 (0)20 7946-0000", "1-800-484-3731", "555.0100"] {
        assert!(validate_phone("phone", ok).is_ok(), "{ok} is a number");
    }
    let cases = [
        ("", "A phone number is needed: type the digits to call."),
        ("   ", "A phone number is needed: type the digits to call."),
        ("call me", "a + at the start; \u{201c}c\u{201d} isn't one of them."),
        ("44+20", "A + can only come first in a phone number"),
        ("12", "A phone number has 3 to 20 digits; this one has 2."),
        ("123456789012345678901", "A phone number has 3 to 20 digits; this one has 21."),
        ("555#0100", "\u{201c}#\u{201d} isn't one of them."),
        (&"1 ".repeat(21), "up to 40 characters, spaces included; this one has 41."),
    ];
    for (input, expected) in cases {
        let err = validate_phone("phone", input).expect_err(input);
        assert!(err.message.contains(expected), "{input:?}: {:?} lacks {expected:?}", err.message);
        assert_eq!(err.field, "phone");
    }
}

#[test]
fn tel_and_sms_links_keep_digits_and_encode_the_message() {
    let links = contact_links("+1 (555) 010-0199", Some("Rough evening — can you talk?"));
    assert_eq!(links.tel, "tel:+15550100199");
    assert_eq!(
        links.sms, "sms:+15550100199?body=Rough%20evening%20%E2%80%94%20can%20you%20talk%3F",
        "RFC 5724 form, spaces as %20 (iOS shows + literally)"
    );
    assert_eq!(contact_links("116 123", None).sms, "sms:116123", "no message: no body");
    assert_eq!(contact_links("999", Some("  ")).sms, "sms:999", "a blank message adds no body");
    assert_eq!(contact_links("999", Some("a&b=c#d/e")).sms, "sms:999?body=a%26b%3Dc%23d%2Fe");
}

#[test]
fn people_and_messages_have_every_crud_path() {
    let (mut store, _) = store_at_t0();
    assert!(store.support_people().unwrap().is_empty());
    let sam = store
        .add_support_person(NewSupportPerson {
            name: "  Sam ".into(),
            phone: " +44 7700 900123 ".into(),
            note: Some("calls back fast".into()),
        })
        .unwrap();
    assert_eq!((sam.name.as_str(), sam.phone.as_str()), ("Sam", "+44 7700 900123"));
    assert_eq!(sam.note.as_deref(), Some("calls back fast"));
    assert_eq!(sam.links.tel, "tel:+447700900123");
    assert_eq!(sam.position, 0);
    let ana = store.add_support_person(person("Ana", "555 0100")).unwrap();
    assert_eq!(ana.position, 1, "a new person goes last");

    let with = store
        .add_support_message(NewSupportMessage {
            person_id: sam.id.clone(),
            text: "Rough evening — can you talk?".into(),
        })
        .unwrap();
    assert_eq!(with.messages.len(), 1);
    assert_eq!(
        with.messages[0].sms,
        "sms:+447700900123?body=Rough%20evening%20%E2%80%94%20can%20you%20talk%3F"
    );
    let message_id = with.messages[0].id.clone();
    let reworded = store
        .update_support_message(SupportMessageEdit {
            id: message_id.clone(),
            text: "Call me?".into(),
        })
        .unwrap();
    assert_eq!(reworded.messages[0].text, "Call me?");

    let edited = store
        .update_support_person(SupportPersonEdit {
            id: sam.id.clone(),
            name: "Sam B".into(),
            phone: "07700 900123".into(),
            note: Some("   ".into()),
        })
        .unwrap();
    assert_eq!(edited.name, "Sam B");
    assert_eq!(edited.note, None, "a blank note clears it");
    assert_eq!(
        edited.messages[0].sms, "sms:07700900123?body=Call%20me%3F",
        "links follow the number"
    );

    let order = store.reorder_support_people(vec![ana.id.clone(), sam.id.clone()]).unwrap();
    assert_eq!(order.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Ana", "Sam B"]);
    assert_eq!(order[0].position, 0);

    let without = store.delete_support_message(&message_id).unwrap();
    assert!(without.messages.is_empty());
    store
        .add_support_message(NewSupportMessage { person_id: sam.id.clone(), text: "Hi".into() })
        .unwrap();
    store.delete_support_person(&sam.id).unwrap();
    let left: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM support_messages", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0, "deleting a person deletes their messages");
    assert_eq!(store.support_people().unwrap().len(), 1);
    assert!(matches!(store.delete_support_person(&sam.id), Err(Error::NotFound { .. })));
}

#[test]
fn refused_people_and_messages_change_nothing() {
    let (mut store, _) = store_at_t0();
    let sam = store.add_support_person(person("Sam", "555 0100")).unwrap();
    for i in 0..5 {
        store
            .add_support_message(NewSupportMessage {
                person_id: sam.id.clone(),
                text: format!("m{i}"),
            })
            .unwrap();
    }
    let before = snapshot(&store);
    let cases: Vec<(Error, &str, &str)> = vec![
        (
            store.add_support_person(person("", "555 0100")).unwrap_err(),
            "name",
            "A name needs at least one letter or number.",
        ),
        (
            store.add_support_person(person(&"x".repeat(61), "555 0100")).unwrap_err(),
            "name",
            "up to 60 characters; this one has 61",
        ),
        (
            store.add_support_person(person("Jo", "abc")).unwrap_err(),
            "phone",
            "\u{201c}a\u{201d} isn't one of them",
        ),
        (
            store
                .add_support_person(NewSupportPerson {
                    note: Some("n".repeat(201)),
                    ..person("Jo", "999")
                })
                .unwrap_err(),
            "note",
            "A note about someone can be up to 200 characters; this one has 201.",
        ),
        (
            store
                .update_support_person(SupportPersonEdit {
                    id: sam.id.clone(),
                    name: "Sam".into(),
                    phone: "1+2".into(),
                    note: None,
                })
                .unwrap_err(),
            "phone",
            "A + can only come first",
        ),
        (
            store
                .add_support_message(NewSupportMessage {
                    person_id: sam.id.clone(),
                    text: "sixth".into(),
                })
                .unwrap_err(),
            "text",
            "Each person can have up to 5 ready-made messages",
        ),
        (
            store
                .update_support_message(SupportMessageEdit {
                    id: store.support_people().unwrap()[0].messages[0].id.clone(),
                    text: " ".into(),
                })
                .unwrap_err(),
            "text",
            "A message needs at least one word.",
        ),
        (
            store
                .update_support_message(SupportMessageEdit {
                    id: store.support_people().unwrap()[0].messages[0].id.clone(),
                    text: "y".repeat(161),
                })
                .unwrap_err(),
            "text",
            "up to 160 characters (one text); this one has 161.",
        ),
        (
            store.reorder_support_people(vec!["nobody".into()]).unwrap_err(),
            "ids",
            "lists each of your 1 support people once",
        ),
        (
            store.reorder_support_people(vec![sam.id.clone(), sam.id.clone()]).unwrap_err(),
            "ids",
            "Nothing was moved.",
        ),
    ];
    for (err, field, expected) in cases {
        let (f, message) = invalid(err);
        assert_eq!(f, field, "{message}");
        assert!(message.contains(expected), "{message:?} lacks {expected:?}");
    }
    assert!(matches!(
        store.add_support_message(NewSupportMessage {
            person_id: "nobody".into(),
            text: "hi".into()
        }),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(store.delete_support_message("nothing"), Err(Error::NotFound { .. })));
    assert_eq!(snapshot(&store), before, "every refusal left everything as it was");
}

#[test]
fn at_most_twenty_people() {
    let (mut store, _) = store_at_t0();
    for i in 0..20 {
        store.add_support_person(person(&format!("P{i}"), "555 0100")).unwrap();
    }
    let before = snapshot(&store);
    let (field, message) =
        invalid(store.add_support_person(person("One more", "999")).unwrap_err());
    assert_eq!(field, "name");
    assert!(message.contains("You have 20 people here"), "{message}");
    assert_eq!(snapshot(&store), before);
}

#[test]
fn crisis_numbers_are_there_for_us_uk_and_canada_with_dates() {
    let (mut store, _) = store_at_t0();
    let none = store.crisis_numbers().unwrap();
    assert_eq!(none.region, None, "never chosen until the person chooses");
    assert!(none.numbers.is_empty());
    let codes: Vec<&str> = none.regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["US", "UK", "CA"]);
    let expected: [(&str, &[&str]); 3] = [
        ("US", &["911", "988", "1-800-484-3731", "1-800-222-1222", "1-800-662-4357"]),
        ("UK", &["999", "116 123"]),
        ("CA", &["911", "1-888-688-6677"]),
    ];
    for (code, numbers) in expected {
        store
            .update_settings(SettingsUpdate { region: Some(code.into()), ..Default::default() })
            .unwrap();
        let list = store.crisis_numbers().unwrap();
        assert_eq!(list.region.as_deref(), Some(code));
        assert_eq!(list.numbers.iter().map(|n| n.number.as_str()).collect::<Vec<_>>(), numbers);
        for n in &list.numbers {
            assert_eq!(n.last_checked.as_deref(), Some("2026-11-27"), "{}", n.id);
            assert!(n.source.as_deref().is_some_and(|s| s.contains("care.md §6")), "{}", n.id);
            assert!(n.links.tel.starts_with("tel:") && n.builtin && !n.hidden);
        }
    }
    store
        .update_settings(SettingsUpdate { region: Some("US".into()), ..Default::default() })
        .unwrap();
    let us = store.crisis_numbers().unwrap();
    let line988 = us.numbers.iter().find(|n| n.id == "us.988").unwrap();
    assert!(line988.textable, "988: call or text");
    assert_eq!(line988.links.sms, "sms:988");
    assert_eq!(
        us.numbers.iter().find(|n| n.id == "us.never-use-alone").unwrap().links.tel,
        "tel:18004843731"
    );
}

#[test]
fn region_is_a_builtin_code_or_other() {
    let (mut store, _) = store_at_t0();
    let before = snapshot(&store);
    let (field, message) = invalid(
        store
            .update_settings(SettingsUpdate { region: Some("FR".into()), ..Default::default() })
            .unwrap_err(),
    );
    assert_eq!(field, "region");
    assert!(message.contains("Ebb has numbers for US, UK, CA so far"), "{message}");
    assert!(message.contains("\u{201c}FR\u{201d} isn't one."), "{message}");
    assert_eq!(snapshot(&store), before);
    let settings = store
        .update_settings(SettingsUpdate { region: Some("other".into()), ..Default::default() })
        .unwrap();
    assert_eq!(settings.region.as_deref(), Some("other"));
    assert!(store.crisis_numbers().unwrap().numbers.is_empty(), "other: only the person's own");
}

#[test]
fn builtin_numbers_can_be_changed_hidden_and_reset_and_own_numbers_added() {
    let (mut store, _) = store_at_t0();
    store
        .update_settings(SettingsUpdate { region: Some("UK".into()), ..Default::default() })
        .unwrap();
    let edited = store
        .edit_crisis_number(CrisisNumberEdit {
            id: "uk.samaritans".into(),
            label: "Samaritans, free".into(),
            number: "116 123".into(),
        })
        .unwrap();
    let sam = edited.numbers.iter().find(|n| n.id == "uk.samaritans").unwrap();
    assert_eq!(
        (sam.label.as_str(), sam.number.as_str(), sam.edited),
        ("Samaritans, free", "116 123", true)
    );
    assert_eq!(sam.last_checked.as_deref(), Some("2026-11-27"), "still Ebb's data underneath");

    let hidden = store
        .set_crisis_number_hidden(CrisisNumberVisibility {
            id: "uk.samaritans".into(),
            hidden: true,
        })
        .unwrap();
    let sam = hidden.numbers.iter().find(|n| n.id == "uk.samaritans").unwrap();
    assert!(sam.hidden && sam.label == "Samaritans, free", "hiding keeps the change");

    let reset = store.reset_crisis_number("uk.samaritans").unwrap();
    let sam = reset.numbers.iter().find(|n| n.id == "uk.samaritans").unwrap();
    assert!(!sam.hidden && !sam.edited && sam.label == "Samaritans");

    let own = store
        .add_crisis_number(NewCrisisNumber {
            label: "My clinic".into(),
            number: "020 7946 0000".into(),
        })
        .unwrap();
    let clinic = own.numbers.last().unwrap();
    assert!(!clinic.builtin && clinic.last_checked.is_none());
    assert_eq!(clinic.links.tel, "tel:02079460000");
    let clinic_id = clinic.id.clone();
    let changed = store
        .edit_crisis_number(CrisisNumberEdit {
            id: clinic_id.clone(),
            label: "Clinic".into(),
            number: "020 7946 0001".into(),
        })
        .unwrap();
    assert_eq!(changed.numbers.last().unwrap().number, "020 7946 0001");
    store
        .update_settings(SettingsUpdate { region: Some("CA".into()), ..Default::default() })
        .unwrap();
    assert_eq!(
        store.crisis_numbers().unwrap().numbers.last().unwrap().label,
        "Clinic",
        "own numbers follow any region"
    );

    let before = snapshot(&store);
    let refusals = [
        (
            store
                .add_crisis_number(NewCrisisNumber { label: "X".into(), number: "12".into() })
                .unwrap_err(),
            "number",
            "3 to 20 digits; this one has 2",
        ),
        (
            store
                .add_crisis_number(NewCrisisNumber { label: " ".into(), number: "999".into() })
                .unwrap_err(),
            "label",
            "A label needs at least one letter or number.",
        ),
        (
            store
                .edit_crisis_number(CrisisNumberEdit {
                    id: "ca.nors".into(),
                    label: "NORS".into(),
                    number: "nors".into(),
                })
                .unwrap_err(),
            "number",
            "isn't one of them",
        ),
        (
            store.delete_crisis_number("ca.nors").unwrap_err(),
            "id",
            "can be changed or hidden, not deleted",
        ),
        (
            store
                .set_crisis_number_hidden(CrisisNumberVisibility {
                    id: clinic_id.clone(),
                    hidden: true,
                })
                .unwrap_err(),
            "id",
            "Only Ebb's own numbers can be hidden",
        ),
        (
            store.reset_crisis_number(&clinic_id).unwrap_err(),
            "id",
            "Only Ebb's own numbers can be reset",
        ),
    ];
    for (err, field, expected) in refusals {
        let (f, message) = invalid(err);
        assert_eq!(f, field, "{message}");
        assert!(message.contains(expected), "{message:?} lacks {expected:?}");
    }
    assert!(matches!(
        store.edit_crisis_number(CrisisNumberEdit {
            id: "nope".into(),
            label: "A".into(),
            number: "999".into()
        }),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(snapshot(&store), before, "refusals changed nothing");
    store.delete_crisis_number(&clinic_id).unwrap();
    assert_eq!(store.crisis_numbers().unwrap().numbers.len(), 2);
}

#[test]
fn the_safety_plan_keeps_each_step() {
    let (mut store, _) = store_at_t0();
    let plan = store.safety_plan().unwrap();
    let titles: Vec<&str> = plan.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Warning signs",
            "Things I can do on my own",
            "People and places that distract me",
            "People I can ask for help",
            "Professionals and crisis lines",
            "Making my surroundings safer",
        ]
    );
    assert!(plan.iter().all(|s| s.text.is_empty()));
    let saved = store
        .set_safety_plan_step(SafetyPlanUpdate {
            step: 3,
            text: "  The park, Ana's kitchen ".into(),
        })
        .unwrap();
    assert_eq!(saved[2].text, "The park, Ana's kitchen");
    let long = "é".repeat(4_000);
    assert_eq!(
        store.set_safety_plan_step(SafetyPlanUpdate { step: 6, text: long.clone() }).unwrap()[5]
            .text,
        long
    );
    let before = snapshot(&store);
    let (field, message) = invalid(
        store.set_safety_plan_step(SafetyPlanUpdate { step: 7, text: "x".into() }).unwrap_err(),
    );
    assert_eq!((field, message.as_str()), ("step", "A safety plan has six steps, 1 to 6; got 7."));
    let (field, message) = invalid(
        store
            .set_safety_plan_step(SafetyPlanUpdate { step: 1, text: "x".repeat(4_001) })
            .unwrap_err(),
    );
    assert_eq!(field, "text");
    assert_eq!(
        message,
        "Each step of the plan can be up to 4,000 characters; this one has 4,001. Nothing was saved."
    );
    assert_eq!(snapshot(&store), before);
    let cleared =
        store.set_safety_plan_step(SafetyPlanUpdate { step: 3, text: "  ".into() }).unwrap();
    assert_eq!(cleared[2].text, "", "blank clears a step");
}

#[test]
fn reaching_out_is_a_technique_whose_use_counts_for_the_craving() {
    let reaching = builtin_technique("reaching-out").expect("in the catalog");
    assert_eq!(reaching.kind, TechniqueKind::ReachingOut);
    assert_eq!(reaching.name, "Reach out to someone");
    assert!(
        reaching.source.contains("care.md")
            && reaching.prior.is_some()
            && reaching.evidence.is_some()
    );

    let (mut store, _) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(8).unwrap())).unwrap();
    let session = store
        .start_session(NewSession {
            technique_id: "reaching-out".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 60,
        })
        .unwrap();
    store
        .finish_session(SessionEnd { id: session.id, completed: true, ..Default::default() })
        .unwrap();
    let got = store.urge(&urge.id).unwrap();
    assert!(
        got.techniques.iter().any(|t| t.technique_id == "reaching-out"),
        "the call or text is recorded against the craving: {:?}",
        got.techniques
    );
}
