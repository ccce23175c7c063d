//! The rare jobs the worker does for the page so their libraries stay out
//! of the page's wasm: protecting a file, timing scrypt, the calendar and
//! QR drawings. Each answer is compared with what core gives directly.

use safer_plan_core::exchange::{Outgoing, make_envelope, passphrase, qr};
use safer_plan_core::report::ics::calendar_ics;

use super::*;

fn protect(file: &[u8], passphrase: &str) -> Response {
    handle(Request::Protect(ProtectRequest { file: file.to_vec(), passphrase: passphrase.into() }))
}

#[test]
fn a_file_protected_in_the_worker_opens_with_its_passphrase_and_holds_the_envelope() {
    let mut ours = safer_plan_core::demo::workspace();
    let envelope =
        make_envelope(&mut ours, &Outgoing { from: &police(), to: None, base: &[], at: T, passphrase: None });
    let Response::Protect(MadeFile::Made(protected)) = protect(&envelope, PASSPHRASE) else { panic!("protected") };
    assert!(passphrase::is_protected(&protected));
    assert_eq!(passphrase::work_factor(&protected), Some(15));
    // Opened as any partner's file is: asked for, then unlocked to the very envelope.
    assert_eq!(
        exchange(&protected, None, None, None),
        Response::Exchange(ExchangeAnswer::NeedsPassphrase { work_factor: Some(15) })
    );
    assert_eq!(
        exchange(&protected, Some(PASSPHRASE), None, None),
        Response::Exchange(ExchangeAnswer::Passed { inside: Some(envelope) })
    );
}

#[test]
fn a_passphrase_too_short_or_blank_is_refused_in_the_forms_words() {
    assert_eq!(
        protect(b"plan", "kettle"),
        Response::Protect(MadeFile::Refused(
            "The passphrase must be 10 characters or more \u{2013} three or four unrelated words are easy to share and hard to guess.".into()
        ))
    );
    assert_eq!(
        protect(b"plan", "   "),
        Response::Protect(MadeFile::Refused("Enter the passphrase you agreed with your partners.".into()))
    );
}

#[test]
fn scrypt_is_timed_where_it_runs() {
    let Response::Calibrated(ms_at_10) = handle(Request::Calibrate) else { panic!("timed") };
    assert!(ms_at_10.is_finite() && ms_at_10 >= 0.01, "{ms_at_10}");
    // 2^10 is 1 MB and a few milliseconds; well under a second anywhere.
    assert!(ms_at_10 < 1000.0, "{ms_at_10}");
    // Safer Plan's own 2^15 is 32 times that.
    assert_eq!(passphrase::seconds_to_open(15, ms_at_10), ms_at_10 * 32.0 / 1000.0);
}

#[test]
fn the_calendar_is_written_from_the_saved_document() {
    let mut ws = safer_plan_core::demo::workspace();
    let expected = calendar_ics(ws.partnership(), T);
    assert!(expected.contains("BEGIN:VEVENT"));
    assert_eq!(
        handle(Request::Calendar(CalendarRequest { document: ws.save(), exported_at: T })),
        Response::Calendar(CalendarAnswer::Made(expected))
    );
    assert_eq!(
        handle(Request::Calendar(CalendarRequest { document: b"not a document".to_vec(), exported_at: T })),
        Response::Calendar(CalendarAnswer::Refused(
            "The partnership could not be read to make the calendar, so nothing was downloaded. Reload the page and try again.".into()
        ))
    );
}

#[test]
fn qr_codes_are_drawn_module_for_module_as_core_draws_them() {
    let mut ws = safer_plan_core::demo::workspace();
    let texts = qr::split(&ws.save()).expect("codes");
    assert!(texts.len() > 1);
    let too_long = "A".repeat(5000);
    let mut asked = texts.clone();
    asked.push(too_long);
    let Response::DrawCodes(drawn) = handle(Request::DrawCodes(asked)) else { panic!("drawn") };
    assert_eq!(drawn.len(), texts.len() + 1);
    for (text, code) in texts.iter().zip(&drawn) {
        let expected = qr::draw(text).expect("draws");
        let code = code.clone().expect("drawn");
        assert_eq!(code.width * code.width, code.dark.len());
        assert_eq!(qr::Drawn::from(code).svg_path(), expected.svg_path());
    }
    // A text longer than a code holds has no drawing, and the rest still do.
    assert_eq!(drawn.last(), Some(&None));
}
