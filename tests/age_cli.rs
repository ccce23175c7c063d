//! Passphrase-protected files against the real `age` CLI (Debian's `age`,
//! the reference implementation; scripts/setup.sh installs it), both ways,
//! binary and ASCII-armoured, with spaces around the passphrase.
//!
//! `age` reads a passphrase only from a terminal, so each run goes through
//! `script`, which gives it one and types what this test writes to it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use safer_plan::exchange::{self, ExchangeError, passphrase};

/// Spaces at both ends are part of the passphrase, for age and for us.
const SPACED: &str = "  river lamp orchard seven ";

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("safer-plan-age-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        Scratch(dir)
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `age` with `args` in a terminal, typing each of `lines`.
fn age(args: &[&Path], flags: &str, lines: &[&str]) -> std::process::Output {
    let paths: Vec<String> = args.iter().map(|p| format!("'{}'", p.display())).collect();
    let command = format!("age {flags} {}", paths.join(" "));
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`script` and `age` are installed (scripts/setup.sh installs them)");
    let mut stdin = child.stdin.take().expect("stdin");
    for line in lines {
        writeln!(stdin, "{line}").expect("typed");
    }
    drop(stdin);
    child.wait_with_output().expect("age ran")
}

fn age_protect(plain: &Path, out: &Path, armour: bool) {
    let flags = if armour { "-p -a -o" } else { "-p -o" };
    let run = age(&[out, plain], flags, &[SPACED, SPACED]);
    assert!(run.status.success(), "age -p: {}", String::from_utf8_lossy(&run.stdout));
}

#[test]
fn a_file_age_protects_opens_in_safer_plan_binary_or_armoured() {
    let scratch = Scratch::new("to-app");
    let plain = scratch.path("plain.txt");
    std::fs::write(&plain, "The MARAC moved to a fortnightly model.\n").expect("write");
    for armour in [false, true] {
        let file = scratch.path(if armour { "armoured.age" } else { "binary.age" });
        age_protect(&plain, &file, armour);
        let bytes = std::fs::read(&file).expect("age wrote the file");
        assert_eq!(bytes.starts_with(passphrase::ARMOR_BEGIN), armour);
        assert!(passphrase::is_protected(&bytes));
        // age's own default work factor, 2^18, is read before any work.
        assert_eq!(passphrase::work_factor(&bytes), Some(18));
        assert_eq!(passphrase::unprotect(&bytes, SPACED).expect("opens"), std::fs::read(&plain).expect("plain"));
        // Exactly as typed: without its spaces it is another passphrase.
        assert_eq!(passphrase::unprotect(&bytes, SPACED.trim()), Err(ExchangeError::WrongPassphrase));
    }
}

#[test]
fn a_partnership_safer_plan_protects_opens_with_age_and_back() {
    let scratch = Scratch::new("from-app");
    let mut ws = safer_plan::demo::workspace();
    let me = safer_plan::demo::demo_author();
    let out = exchange::Outgoing { from: &me, to: None, base: &[], at: 1_700_000_000, passphrase: Some(SPACED) };
    let file = exchange::make_file(&mut ws, &out).expect("a protected file");
    let protected = scratch.path("luton.saferplan");
    std::fs::write(&protected, &file).expect("write");

    let decrypted = scratch.path("luton.envelope");
    let run = age(&[&decrypted, &protected], "-d -o", &[SPACED]);
    assert!(run.status.success(), "age -d: {}", String::from_utf8_lossy(&run.stdout));
    let envelope = std::fs::read(&decrypted).expect("age wrote the envelope");
    let opened = exchange::open(&envelope, None, None).expect("what age decrypted is the partnership");
    assert_eq!(opened.workspace.partnership(), ws.partnership());

    // The trimmed passphrase is a different one to age too.
    let wrong = age(&[&scratch.path("wrong"), &protected], "-d -o", &[SPACED.trim()]);
    assert!(!wrong.status.success());

    // And age's re-protection of the same partnership, armoured, opens here.
    let again = scratch.path("again.saferplan");
    age_protect(&decrypted, &again, true);
    let opened = exchange::open(&std::fs::read(&again).expect("read"), Some(SPACED), None).expect("opens");
    assert!(opened.protected);
    assert_eq!(opened.workspace.partnership(), ws.partnership());
}

/// The files the journeys in `tests/e2e/other-tools.spec.ts` choose: the
/// demo partnership protected at 2^20 (1 GiB of scrypt memory, the most a
/// browser can give; several seconds even on a desktop) and at 2^21 (2 GiB,
/// beyond any browser), as `rage` may do on a fast machine. Rewrite them
/// with `cargo test --test age_cli -- --ignored write_slow_files`.
#[test]
#[ignore = "writes tests/fixtures/protected-work-factor-{20,21}.saferplan"]
fn write_slow_files() {
    use age::secrecy::SecretString;
    let mut ws = safer_plan::demo::workspace();
    let me = safer_plan::demo::demo_author();
    let out = exchange::Outgoing { from: &me, to: None, base: &[], at: 1_700_000_000, passphrase: None };
    let plain = exchange::make_file(&mut ws, &out).expect("a file");
    for work_factor in [20, 21] {
        let mut recipient = age::scrypt::Recipient::new(SecretString::from("slow but sure passphrase".to_string()));
        recipient.set_work_factor(work_factor);
        let file = age::encrypt(&recipient, &plain).expect("protected");
        assert_eq!(passphrase::work_factor(&file), Some(work_factor));
        let name = format!("tests/fixtures/protected-work-factor-{work_factor}.saferplan");
        std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(name), file).expect("written");
    }
}
