//! Faults end with a clear message and the right exit code, never a crash or a hang.

use std::fs;

use crate::support::vault;

fn run(cmd: &mut assert_cmd::Command) -> (Option<i32>, String, String) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_missing_vault_folder_is_bad_usage() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (code, _, stderr) = run(vault(&dir.path().join("nope")).arg("status"));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("no such folder"), "{stderr}");
}

#[test]
fn a_vault_that_is_a_file_is_bad_usage() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("notes.md");
    fs::write(&file, "hello").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, stderr) = run(vault(&file).arg("digest"));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("is a file"), "{stderr}");
}

#[test]
fn a_folder_without_notes_is_not_a_vault_and_gets_nothing_written() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.path().join("notes.txt"), "not Markdown").unwrap_or_else(|e| panic!("{e}"));
    for args in [
        &["status"][..],
        &["digest"],
        &["check"],
        &["log", "Ann", "coffee"],
    ] {
        let (code, _, stderr) = run(vault(dir.path()).args(args));
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("holds no Markdown note"),
            "{args:?}: {stderr}"
        );
    }
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left,
        ["notes.txt"],
        "nothing written into a folder that is not a vault"
    );
    // `vault add` starts a vault there.
    let (code, _, stderr) = run(vault(dir.path()).args(["add", "Ann Lee"]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(dir.path().join("People/Ann Lee.md").is_file());
}

#[test]
fn a_vault_without_people_works_and_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.path().join("Ideas.md"), "# Ideas\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, _) = run(vault(dir.path()).arg("status"));
    assert_eq!(code, Some(0));
    assert!(stdout.contains("No people found"), "{stdout}");
    let (code, stdout, _) = run(vault(dir.path()).args(["digest", "--format", "all"]));
    assert_eq!(code, Some(0));
    assert!(stdout.contains("2026-W48.html"), "{stdout}");
    assert!(dir.path().join("Digests/2026-W48.json").is_file());
    let (code, _, _) = run(vault(dir.path()).arg("check"));
    assert_eq!(code, Some(0));
}

#[test]
fn a_bad_vault_yaml_names_the_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.path().join("vault.yaml"), "suggestions: many\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, _, stderr) = run(vault(dir.path()).arg("status"));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("vault.yaml:1:"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let people = dir.path().join("People");
    fs::create_dir(&people).unwrap_or_else(|e| panic!("{e}"));
    fs::write(people.join("Ann.md"), "- 2026-11-01 call\n").unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(dir.path(), people.join("loop")).unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, _) = run(vault(dir.path()).arg("check"));
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("People/loop:1:1: error:") && stdout.contains("[symlink-loop]"),
        "{stdout}"
    );
    let (code, stdout, _) = run(vault(dir.path()).args(["status", "--all"]));
    assert_eq!(code, Some(0));
    assert!(stdout.contains("Ann"), "{stdout}");
}

#[test]
fn huge_and_deep_notes_are_handled() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let people = dir.path().join("People");
    fs::create_dir(&people).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        people.join("Long.md"),
        "- 2026-11-01 call\n".repeat(100_000),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(people.join("Wide.md"), "x".repeat(10 * 1024 * 1024))
        .unwrap_or_else(|e| panic!("{e}"));
    let nested: String = (0..2000)
        .map(|i| format!("{}- item\n", "  ".repeat(i % 300)))
        .collect();
    fs::write(people.join("Deep.md"), nested + &">".repeat(50_000))
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, _) = run(vault(dir.path()).arg("check"));
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.contains("People/Wide.md:1:1: warning:") && stdout.contains("[too-large]"),
        "{stdout}"
    );
    let (code, stdout, _) = run(vault(dir.path()).args(["status", "--format", "json"]));
    assert_eq!(code, Some(0));
    assert!(stdout.contains("\"interactions\": 100000"), "{stdout}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let bin = crate::support::vault_bin();
    let cases = crate::support::cases_dir().join("statuses/vault");
    let mut child = Command::new(bin)
        .args(["--today", "2026-11-23", "--vault"])
        .arg(&cases)
        .args(["status", "--all"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // Close the read end at once, as `| head -0` would.
    drop(child.stdout.take());
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn no_network_crate_is_linked() {
    let lock = fs::read_to_string(crate::support::repo_root().join("Cargo.lock"))
        .unwrap_or_else(|e| panic!("{e}"));
    for forbidden in [
        "reqwest", "hyper", "ureq", "curl", "openssl", "rustls", "tokio",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{forbidden}\"")),
            "{forbidden} would give vault network access"
        );
    }
}

/// One hostile note per shape that once made every command take seconds to minutes or
/// gigabytes (issue 9), scaled down: each is refused with `yaml-limit` or read in linear
/// time, and the rest of the vault is read as usual, by the read and the write commands.
#[test]
fn hostile_front_matter_does_not_stop_the_vault() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let people = dir.path().join("People");
    fs::create_dir(&people).unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, front: String| {
        fs::write(
            people.join(name),
            format!(
                "---\nname: {}\n{front}---\n- 2026-11-01 call\n",
                &name[..name.len() - 3]
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    };
    let big = "x".repeat(100_000);
    write(
        "Anchor.md",
        format!(
            "big: &a \"{big}\"\nrefs: [{}]\n",
            vec!["*a"; 1_000].join(", ")
        ),
    );
    write(
        "DeepList.md",
        format!("interests: {}{}\n", "[".repeat(20_000), "]".repeat(20_000)),
    );
    write(
        "DeepMap.md",
        format!("x: {}b{}\n", "{a: ".repeat(20_000), "}".repeat(20_000)),
    );
    write(
        "Keys.md",
        (0..100_000).map(|i| format!("k{i}: v\n")).collect(),
    );
    write(
        "Aliases.md",
        format!(
            "aliases:\n{}",
            (0..100_000)
                .map(|i| format!("  - alias{i}\n"))
                .collect::<String>()
        ),
    );
    let (code, stdout, _) = run(vault(dir.path()).arg("check"));
    assert_eq!(code, Some(1), "{stdout}");
    for name in ["Anchor", "DeepList", "DeepMap"] {
        assert!(
            stdout.contains(&format!("People/{name}.md:"))
                && stdout
                    .lines()
                    .any(|l| l.starts_with(&format!("People/{name}.md:"))
                        && l.ends_with("[yaml-limit]")),
            "{name}: {stdout}"
        );
    }
    assert!(!stdout.contains("People/Keys.md:"), "{stdout}");
    assert!(!stdout.contains("People/Aliases.md:"), "{stdout}");
    let (code, stdout, _) = run(vault(dir.path()).args(["status", "--all", "--format", "json"]));
    assert_eq!(code, Some(0));
    assert_eq!(stdout.matches("\"interactions\": 1").count(), 5, "{stdout}");
    // The write commands read the note again before and after the edit.
    for person in ["Aliases", "Keys", "Anchor"] {
        let (code, _, stderr) = run(vault(dir.path()).args(["log", person, "call: hi"]));
        assert_eq!(code, Some(0), "{person}: {stderr}");
    }
    let aliases = fs::read_to_string(people.join("Aliases.md")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        aliases.contains("- 2026-11-23 call: hi"),
        "{}",
        &aliases[aliases.len() - 200..]
    );
}

#[test]
fn a_cadence_over_ten_years_is_reported_and_ignored() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let people = dir.path().join("People");
    fs::create_dir(&people).unwrap_or_else(|e| panic!("{e}"));
    for (name, cadence) in [("Max", "4294967295"), ("Far", "3000000")] {
        fs::write(
            people.join(format!("{name}.md")),
            format!("---\ncadence: {cadence}\n---\n- 2026-11-01 call\n"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let (code, stdout, _) = run(vault(dir.path()).args(["status", "--all", "--format", "json"]));
    assert_eq!(code, Some(0));
    // The default cadence of 90 days applies: in touch, due at the end of January.
    assert_eq!(stdout.matches("\"status\": \"ok\"").count(), 2, "{stdout}");
    assert_eq!(
        stdout.matches("\"due\": \"2027-01-30\"").count(),
        2,
        "{stdout}"
    );
    assert_eq!(stdout.matches("more than ten years").count(), 2, "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_skipped_not_waited_for() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let people = dir.path().join("People");
    fs::create_dir(&people).unwrap_or_else(|e| panic!("{e}"));
    fs::write(people.join("Ann.md"), "- 2026-11-01 call\n").unwrap_or_else(|e| panic!("{e}"));
    let status = std::process::Command::new("mkfifo")
        .arg(people.join("x.md"))
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let (code, stdout, _) = run(vault(dir.path())
        .arg("check")
        .timeout(std::time::Duration::from_secs(60)));
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.contains("People/x.md:1:1: warning:") && stdout.contains("[not-a-note]"),
        "{stdout}"
    );
}

#[test]
fn the_root_of_the_file_system_is_refused() {
    let (code, _, stderr) = run(vault(std::path::Path::new("/")).arg("status"));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("root of the file system"), "{stderr}");
}
