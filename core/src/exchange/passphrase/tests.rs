//! age files as the standard defines them: armoured or binary, passphrases
//! exactly as typed, work factors read before any work is done.

use super::*;

fn realworld(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/realworld/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const RAGE_PASSPHRASE: &str = "river lamp orchard seven";

#[test]
fn a_partnership_protected_with_rage_in_ascii_armour_opens_with_its_passphrase() {
    let file = realworld("partnership-rage-armored.saferplan");
    assert!(file.starts_with(ARMOR_BEGIN));
    assert!(is_protected(&file));
    assert_eq!(work_factor(&file), Some(15));
    let opened = crate::exchange::open(&file, Some(RAGE_PASSPHRASE), None).expect("it opens");
    assert!(opened.protected);
    assert!(!opened.workspace.partnership().actions.is_empty());
    assert_eq!(
        crate::exchange::open(&file, Some("river lamp orchard eight"), None).err(),
        Some(ExchangeError::WrongPassphrase)
    );
    assert_eq!(crate::exchange::open(&file, None, None).err(), Some(ExchangeError::NeedsPassphrase));
}

#[test]
fn an_armoured_file_pasted_after_blank_lines_still_opens() {
    let mut file = b"\r\n\n   \n".to_vec();
    file.extend(realworld("partnership-rage-armored.saferplan"));
    assert!(is_protected(&file));
    assert_eq!(work_factor(&file), Some(15));
    assert!(unprotect(&file, RAGE_PASSPHRASE).is_ok());
}

#[test]
fn spaces_around_a_passphrase_are_part_of_it() {
    let spaced = "  blue kettle morning  ";
    let file = protect(b"plan", spaced).expect("protect");
    assert_eq!(unprotect(&file, spaced).expect("exactly as typed"), b"plan");
    assert_eq!(unprotect(&file, "blue kettle morning"), Err(ExchangeError::WrongPassphrase));
    assert_eq!(unprotect(&file, " blue kettle morning  "), Err(ExchangeError::WrongPassphrase));
}

#[test]
fn a_file_protected_when_safer_plan_trimmed_passphrases_still_opens() {
    let file = protect(b"plan", "blue kettle morning").expect("protect");
    assert_eq!(unprotect(&file, "  blue kettle morning ").expect("the trimmed passphrase is tried too"), b"plan");
}

#[test]
fn the_work_factor_is_read_from_the_header_of_binary_and_armoured_files() {
    let ours = protect(b"plan", "blue kettle morning").expect("protect");
    assert!(ours.starts_with(AGE_HEADER));
    assert_eq!(work_factor(&ours), Some(15));
    let stronger = protect_with(b"plan", "blue kettle morning", 17).expect("protect");
    assert_eq!(work_factor(&stronger), Some(17));
    assert_eq!(unprotect(&stronger, "blue kettle morning").expect("opens"), b"plan");
    assert_eq!(work_factor(b"age-encryption.org/v1\n-> X25519 abc\n"), None);
    assert_eq!(work_factor(b"not an age file"), None);
}

#[test]
fn a_file_asking_for_more_work_than_age_accepts_is_refused_before_any_work() {
    let file = protect(b"plan", "blue kettle morning").expect("protect");
    let text = String::from_utf8_lossy(&file[..80]).to_string();
    let stanza_end = text.find(" 15\n").expect("the stanza names work factor 15");
    let mut greedy = file.clone();
    greedy[stanza_end + 1..stanza_end + 3].copy_from_slice(b"23");
    assert_eq!(work_factor(&greedy), Some(23));
    let started = std::time::Instant::now();
    assert_eq!(unprotect(&greedy, "blue kettle morning"), Err(ExchangeError::TooDemanding));
    // 2^23 would take half a minute and 8 GiB: nothing was attempted.
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn the_time_and_memory_a_work_factor_needs() {
    // Measured 4 ms at 2^10: 2^20 is 1,024 times the work.
    assert!((seconds_to_open(20, 4.0) - 4.096).abs() < 1e-9);
    assert!((seconds_to_open(15, 10.0) - 0.32).abs() < 1e-9);
    assert_eq!(memory_needed(15), 32 * 1024 * 1024);
    assert_eq!(memory_needed(MAX_WORK_FACTOR), 4 * 1024 * 1024 * 1024);
    assert!(calibrate(|| 0.0) > 0.0);
}

#[test]
fn a_wait_of_two_seconds_or_more_is_worth_a_warning_in_whole_seconds() {
    assert_eq!(worth_warning(seconds_to_open(15, 10.0)), None);
    assert_eq!(worth_warning(1.99), None);
    assert_eq!(worth_warning(2.0), Some(2));
    // A desktop age file (2^18) on a tablet taking 10 ms at 2^10: 2.56 s.
    assert_eq!(worth_warning(seconds_to_open(18, 10.0)), Some(3));
    assert_eq!(worth_warning(seconds_to_open(22, 10.0)), Some(41));
}

#[test]
fn memory_that_cannot_be_had_is_a_message_not_a_crash() {
    assert_eq!(reserve(u64::MAX), Err(ExchangeError::NotEnoughMemory { needed_mb: u64::MAX / (1024 * 1024) }));
    assert_eq!(
        ExchangeError::NotEnoughMemory { needed_mb: 4096 }.to_string(),
        "Opening this file needs 4096 MB of memory, more than this device can give Safer Plan. \
         Ask the partner to protect it again from Safer Plan's Share page, or open it with age on a computer."
    );
    assert!(reserve(memory_needed(15)).is_ok());
}

#[test]
fn a_browser_can_open_at_most_two_to_the_twenty() {
    // One block of scrypt memory must stay below wasm32's isize::MAX.
    let wasm32_largest_block = i32::MAX as u64;
    assert!(memory_needed(20) <= wasm32_largest_block);
    assert!(memory_needed(21) > wasm32_largest_block);
    assert_eq!(memory_needed(21), 2048 * 1024 * 1024);
    // Natively (64-bit) every work factor age accepts is within reach.
    assert_eq!(beyond_reach(MAX_WORK_FACTOR), Ok(()));
}
