//! Stress experiments of the write path, run by hand (they are ignored by default and
//! assert nothing: they print what they measured).
//!
//! ```sh
//! cargo test -p vault --test suite write_stress -- --ignored --nocapture --test-threads 1
//! # the same against another build of vault, e.g. one saved before a change:
//! VAULT_STRESS_BIN=/tmp/vault-old cargo test -p vault --test suite write_stress -- --ignored --nocapture --test-threads 1
//! ```
//! `VAULT_STRESS_TRIALS` sets the number of trials per editor style (default 200) and
//! `VAULT_STRESS_ROUNDS` the rounds of 20 concurrent `vault log` (default 10).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{TEST_HOOKS, TODAY, ann_vault, vault_bin};

const ANN: &str = "---\nname: Ann\ncadence: monthly\n---\n# Ann\n\n## Log\n- 2026-09-30 coffee\n\n## Notes\nLikes bread.\n";

fn bin() -> PathBuf {
    std::env::var_os("VAULT_STRESS_BIN").map_or_else(vault_bin, PathBuf::from)
}

fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn ann() -> (tempfile::TempDir, PathBuf) {
    ann_vault(ANN)
}

fn spawn_log(bin: &Path, root: &Path, what: &str) -> Child {
    let mut cmd = Command::new(bin);
    for hook in TEST_HOOKS {
        cmd.env_remove(hook);
    }
    cmd.env("NO_COLOR", "1")
        .arg("--vault")
        .arg(root)
        .args(["--today", TODAY, "log", "Ann", what])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {}: {e}", bin.display()))
}

/// A small deterministic generator, so two builds are stressed with the same delays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

#[derive(Debug, Clone, Copy)]
enum Save {
    Append,
    InPlace,
    Rename,
}

fn save(file: &Path, style: Save, text: &str) {
    match style {
        Save::Append => {
            if let Ok(mut f) = fs::OpenOptions::new().append(true).open(file) {
                let _ = f.write_all(text.as_bytes());
            }
        }
        Save::InPlace => {
            let old = fs::read_to_string(file).unwrap_or_default();
            let _ = fs::write(file, old + text);
        }
        Save::Rename => {
            let old = fs::read_to_string(file).unwrap_or_default();
            let tmp = file.with_file_name(".Ann.md.swp");
            let _ = fs::write(&tmp, old + text);
            let _ = fs::rename(&tmp, file);
        }
    }
}

#[test]
#[ignore = "a stress experiment, run by hand"]
fn editor_saves_while_vault_logs() {
    let bin = bin();
    let trials = count("VAULT_STRESS_TRIALS", 200);
    // How long one `vault log` takes here: the editor saves at a random moment within it.
    let mut runs = Vec::new();
    for _ in 0..5 {
        let (_dir, root) = ann();
        let start = Instant::now();
        let _ = spawn_log(&bin, &root, "timing").wait();
        runs.push(start.elapsed());
    }
    runs.sort();
    let span = u64::try_from(runs[2].as_micros()).unwrap_or(50_000);
    eprintln!("{}: one `vault log` takes about {span} µs", bin.display());
    for style in [Save::Append, Save::InPlace, Save::Rename] {
        let mut random = Lcg(42);
        let (mut lost, mut refused, mut vault_lost) = (0, 0, 0);
        for trial in 0..trials {
            let (_dir, root) = ann();
            let file = root.join("People/Ann.md");
            let what = format!("lunch {trial}");
            let mut child = spawn_log(&bin, &root, &what);
            std::thread::sleep(Duration::from_micros(random.below(span)));
            let mark = format!("typed in the editor {trial}\n");
            save(&file, style, &mark);
            let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
            let after = fs::read_to_string(&file).unwrap_or_default();
            if !after.contains(&mark) {
                lost += 1;
            }
            if status.code() == Some(1) {
                refused += 1;
            } else if status.success() && !after.contains(&what) {
                vault_lost += 1;
            }
        }
        eprintln!(
            "{style:?}: {lost} of {trials} editor saves lost; vault refused {refused}; vault said `Logged` but its line is gone {vault_lost}"
        );
    }
}

#[test]
#[ignore = "a stress experiment, run by hand"]
fn concurrent_vault_logs() {
    let bin = bin();
    let rounds = count("VAULT_STRESS_ROUNDS", 10);
    let (mut attempts, mut successes, mut lost, mut refused) = (0, 0, 0, 0);
    for round in 0..rounds {
        let (_dir, root) = ann();
        let children: Vec<_> = (0..20)
            .map(|i| {
                let what = format!("visit {round}-{i}");
                (what.clone(), spawn_log(&bin, &root, &what))
            })
            .collect();
        let done: Vec<_> = children
            .into_iter()
            .map(|(what, mut child)| (what, child.wait().unwrap_or_else(|e| panic!("{e}"))))
            .collect();
        let after = fs::read_to_string(root.join("People/Ann.md")).unwrap_or_default();
        for (what, status) in done {
            attempts += 1;
            if status.success() {
                successes += 1;
                if !after.contains(&format!("{what}\n")) {
                    lost += 1;
                }
            } else {
                refused += 1;
            }
        }
    }
    eprintln!(
        "{}: {attempts} concurrent `vault log`, {successes} exited 0, {lost} of them lost, {refused} refused",
        bin.display()
    );
}
