//! The write path against everything else that touches a note: other `vault` commands
//! at the same moment (serialised by a lock), an editor saving during the write (checked
//! again before the rename), files that are not plain notes (hard links, read-only,
//! another owner, links out of the vault, FIFOs), and notes the reader could not read.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{TEST_HOOKS, TODAY, ann_vault, snapshot, vault, vault_bin};

const ANN: &str = "---\nname: Ann\ncadence: monthly\n---\n# Ann\n\n## Log\n- 2026-09-30 coffee\n\n## Follow-ups\n- [ ] send the deck\n";

/// A vault with one person, `People/Ann.md`, who has a log and an open follow-up.
fn ann() -> (tempfile::TempDir, PathBuf) {
    ann_vault(ANN)
}

fn note(root: &Path) -> String {
    fs::read_to_string(root.join("People/Ann.md")).unwrap_or_else(|e| panic!("{e}"))
}

/// `vault ARGS` as a child process, not waited for.
fn spawn(root: &Path, args: &[&str], env: &[(&str, &Path)]) -> Child {
    let mut cmd = Command::new(vault_bin());
    for hook in TEST_HOOKS {
        cmd.env_remove(hook);
    }
    cmd.env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .env("NO_COLOR", "1")
        .arg("--vault")
        .arg(root)
        .arg("--today")
        .arg(TODAY)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.spawn().unwrap_or_else(|e| panic!("spawn vault: {e}"))
}

/// Waits for `child`, killing it after 60 s (a hang is a failure, not a stuck suite).
fn finish(mut child: Child) -> Output {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > Duration::from_secs(60) => {
                let _ = child.kill();
                panic!("vault did not finish within 60 s");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("{e}"),
        }
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn is_root() -> bool {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let probe = dir.path().join("probe");
    fs::write(&probe, "").unwrap_or_else(|e| panic!("{e}"));
    fs::metadata(&probe).map(|m| m.uid() == 0).unwrap_or(false)
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn concurrent_logs_on_one_person_are_all_kept() {
    for round in 0..3 {
        let (_dir, root) = ann();
        let children: Vec<_> = (0..16)
            .map(|i| {
                let what = format!("visit-{round}-{i}");
                spawn(&root, &["log", "Ann", &what], &[])
            })
            .collect();
        let outputs: Vec<_> = children.into_iter().map(finish).collect();
        let after = note(&root);
        let mut successes = 0;
        for (i, out) in outputs.iter().enumerate() {
            let line = format!("- {TODAY} visit-{round}-{i}\n");
            match out.status.code() {
                Some(0) => {
                    successes += 1;
                    assert!(
                        after.contains(&line),
                        "round {round}: process {i} said {:?} but its line is not in the note:\n{after}",
                        text(&out.stdout)
                    );
                }
                code => {
                    assert_eq!(code, Some(1), "{}", text(&out.stderr));
                    assert!(
                        text(&out.stderr).contains("nothing was written"),
                        "{}",
                        text(&out.stderr)
                    );
                }
            }
        }
        let lines = after.matches(&format!("- {TODAY} visit-{round}-")).count();
        assert_eq!(lines, successes, "round {round}:\n{after}");
        assert!(successes > 0, "round {round}: every process refused");
    }
}

#[test]
fn log_snooze_and_done_at_once_all_land() {
    for _ in 0..5 {
        let (_dir, root) = ann();
        let children = [
            spawn(&root, &["log", "Ann", "phone call"], &[]),
            spawn(&root, &["snooze", "Ann", "2026-12-15"], &[]),
            spawn(&root, &["done", "Ann", "deck"], &[]),
        ];
        let outputs: Vec<_> = children.into_iter().map(finish).collect();
        let after = note(&root);
        let effects = [
            format!("- {TODAY} phone call\n"),
            "snooze_until: 2026-12-15\n".to_owned(),
            format!("- [x] send the deck ✅ {TODAY}\n"),
        ];
        for (out, effect) in outputs.iter().zip(&effects) {
            match out.status.code() {
                Some(0) => assert!(after.contains(effect.as_str()), "{effect:?} lost:\n{after}"),
                code => {
                    assert_eq!(code, Some(1), "{}", text(&out.stderr));
                    assert!(!text(&out.stderr).is_empty());
                }
            }
        }
    }
}

#[test]
fn a_held_lock_times_out_with_a_message_and_writes_nothing() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the lock timeout is shortened by a debug-build hook");
        return;
    }
    let (_dir, root) = ann();
    // Another writer holds the folder's lock (what `vault` locks: the note's folder).
    let folder = fs::File::open(root.join("People")).unwrap_or_else(|e| panic!("{e}"));
    folder.lock().unwrap_or_else(|e| panic!("lock: {e}"));
    let out = vault(&root)
        .args(["log", "Ann", "call"])
        .env("VAULT_TEST_LOCK_TIMEOUT_MS", "300")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("People/Ann.md") && stderr.contains("another vault command"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(note(&root), ANN);
    drop(folder);
}

/// How an editor saves a note.
#[derive(Debug, Clone, Copy)]
enum Save {
    /// Appends to the file.
    Append,
    /// Truncates it and writes it again (same inode).
    InPlace,
    /// Writes a temporary file and renames it over the note (a new inode).
    Rename,
}

const EDITOR_TEXT: &str = "typed in the editor\n";

fn editor_save(file: &Path, style: Save) {
    use std::io::Write;
    match style {
        Save::Append => {
            let mut f = fs::OpenOptions::new()
                .append(true)
                .open(file)
                .unwrap_or_else(|e| panic!("{e}"));
            f.write_all(EDITOR_TEXT.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        Save::InPlace => {
            let old = fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}"));
            fs::write(file, old + EDITOR_TEXT).unwrap_or_else(|e| panic!("{e}"));
        }
        Save::Rename => {
            let old = fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}"));
            let tmp = file.with_file_name(".Ann.md.swp");
            fs::write(&tmp, old + EDITOR_TEXT).unwrap_or_else(|e| panic!("{e}"));
            fs::rename(&tmp, file).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

fn wait_for(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn an_editor_saving_while_vault_writes_keeps_its_bytes() {
    editor_saves_during("VAULT_TEST_PAUSE_BEFORE_RENAME");
}

/// The last instant: after vault's last comparison, right before the new file takes the
/// note's place. The exchange of the two files sees the save and puts the editor's file
/// back, whole.
#[test]
fn an_editor_saving_after_the_last_check_keeps_its_bytes() {
    editor_saves_during("VAULT_TEST_PAUSE_AFTER_CHECK");
}

/// An editor saves the note, in each style, while `vault log` is paused at `pause`.
fn editor_saves_during(pause: &str) {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the test hook exists in debug builds only");
        return;
    }
    for style in [Save::Append, Save::InPlace, Save::Rename] {
        let (dir, root) = ann();
        let hook = dir.path().join("hook");
        fs::create_dir(&hook).unwrap_or_else(|e| panic!("{e}"));
        let child = spawn(&root, &["log", "Ann", "lunch"], &[(pause, &hook)]);
        // vault has read the note, made its edit and synced the temporary file.
        wait_for(&hook.join("ready"));
        editor_save(&root.join("People/Ann.md"), style);
        fs::write(hook.join("go"), "").unwrap_or_else(|e| panic!("{e}"));
        let out = finish(child);
        let stderr = text(&out.stderr);
        let after = note(&root);
        assert!(
            after.ends_with(EDITOR_TEXT),
            "{style:?}: the editor's save was lost:\n{after}\nvault said: {}{stderr}",
            text(&out.stdout)
        );
        assert_eq!(out.status.code(), Some(1), "{style:?}: {stderr}");
        assert!(
            stderr.contains("changed on disk") && stderr.contains("nothing was written"),
            "{style:?}: {stderr}"
        );
        assert!(!after.contains("lunch"), "{style:?}:\n{after}");
        let leftovers: Vec<_> = snapshot(&root)
            .into_iter()
            .filter(|(p, _)| p.to_string_lossy().contains("vault-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{style:?}: {leftovers:?}");
    }
}

#[test]
fn a_note_created_while_add_writes_is_kept() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the test hook exists in debug builds only");
        return;
    }
    let (dir, root) = ann();
    let hook = dir.path().join("hook");
    fs::create_dir(&hook).unwrap_or_else(|e| panic!("{e}"));
    let child = spawn(
        &root,
        &["add", "Nora Quinn"],
        &[("VAULT_TEST_PAUSE_BEFORE_RENAME", &hook)],
    );
    wait_for(&hook.join("ready"));
    fs::write(root.join("People/Nora Quinn.md"), "theirs\n").unwrap_or_else(|e| panic!("{e}"));
    fs::write(hook.join("go"), "").unwrap_or_else(|e| panic!("{e}"));
    let out = finish(child);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("created by something else"), "{stderr}");
    assert_eq!(
        fs::read_to_string(root.join("People/Nora Quinn.md")).unwrap_or_default(),
        "theirs\n"
    );
}

#[test]
fn a_note_of_another_owner_keeps_its_owner_and_group() {
    if !is_root() {
        eprintln!("skipped: only root can give a note to another user");
        return;
    }
    let (_dir, root) = ann();
    let file = root.join("People/Ann.md");
    std::os::unix::fs::chown(&file, Some(1234), Some(2345)).unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .args(["log", "Ann", "call"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let meta = fs::metadata(&file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((meta.uid(), meta.gid()), (1234, 2345));
    assert!(note(&root).contains("- 2026-11-23 call\n"));
}

#[test]
fn hard_linked_and_read_only_notes_are_refused() {
    let (dir, root) = ann();
    let file = root.join("People/Ann.md");
    let twin = dir.path().join("Ann copy.md");
    fs::hard_link(&file, &twin).unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .args(["log", "Ann", "call"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("People/Ann.md") && stderr.contains("hard link"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(note(&root), ANN);
    assert_eq!(fs::metadata(&file).map(|m| m.nlink()).unwrap_or(0), 2);
    fs::remove_file(&twin).unwrap_or_else(|e| panic!("{e}"));

    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap_or_else(|e| panic!("{e}"));
    for args in [
        &["log", "Ann", "call"][..],
        &["snooze", "Ann", "2w"],
        &["pause", "Ann"],
        &["done", "Ann"],
    ] {
        let out = vault(&root)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("People/Ann.md") && stderr.contains("read-only"),
            "{args:?}: {stderr}"
        );
        assert_eq!(note(&root), ANN);
    }
    // A dry run only shows the change.
    let out = vault(&root)
        .args(["log", "Ann", "call", "--dry-run"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn a_link_to_a_file_that_is_not_a_note_is_never_written() {
    let (dir, root) = ann();
    // A "note" that is a link to a shell start-up file outside the vault, and one to a
    // text file inside it.
    let rc = dir.path().join(".bashrc");
    let rc_text = "---\nname: Rc\n---\nexport PATH=/bin\n";
    fs::write(&rc, rc_text).unwrap_or_else(|e| panic!("{e}"));
    symlink(&rc, root.join("People/Rc.md")).unwrap_or_else(|e| panic!("{e}"));
    fs::create_dir(root.join("Files")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("Files/list.txt"), "---\nname: Listed\n---\n")
        .unwrap_or_else(|e| panic!("{e}"));
    symlink("../Files/list.txt", root.join("People/Listed.md")).unwrap_or_else(|e| panic!("{e}"));
    for (who, target) in [("Rc", ".bashrc"), ("Listed", "list.txt")] {
        for args in [
            &["log", who, "call"][..],
            &["snooze", who, "2w"],
            &["pause", who],
        ] {
            let out = vault(&root)
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!("People/{who}.md"))
                    && stderr.contains(target)
                    && stderr.contains("not a Markdown note"),
                "{args:?}: {stderr}"
            );
        }
    }
    assert_eq!(fs::read_to_string(&rc).unwrap_or_default(), rc_text);
    assert_eq!(
        fs::read_to_string(root.join("Files/list.txt")).unwrap_or_default(),
        "---\nname: Listed\n---\n"
    );
}

#[test]
fn a_folder_linked_into_the_vault_is_written_through() {
    // `Team -> ~/Dropbox/Team`: the vault reads it, so it writes it too, and the link stays.
    let (dir, root) = ann();
    let outside = dir.path().join("Dropbox/Team");
    fs::create_dir_all(&outside).unwrap_or_else(|e| panic!("{e}"));
    fs::write(outside.join("Bea.md"), "---\ntype: person\n---\n").unwrap_or_else(|e| panic!("{e}"));
    symlink(&outside, root.join("Team")).unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .args(["log", "Bea", "call"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        fs::read_to_string(outside.join("Bea.md")).unwrap_or_default(),
        "---\ntype: person\n---\n\n## Log\n- 2026-11-23 call\n"
    );
    assert!(
        fs::symlink_metadata(root.join("Team"))
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false)
    );
}

#[test]
fn vault_yaml_folders_outside_the_vault_are_refused_with_the_position() {
    let (dir, root) = ann();
    let abs = dir.path().join("abs");
    let abs = abs.to_string_lossy();
    for (yaml, args, at) in [
        (
            "digest_folder: ../../x\n".to_owned(),
            &["digest"][..],
            "vault.yaml:1:16",
        ),
        (
            format!("digest_folder: {abs}\n"),
            &["digest"],
            "vault.yaml:1:16",
        ),
        (
            "people_folders: [People, ../out]\n".to_owned(),
            &["add", "Nora"],
            "vault.yaml:1:26",
        ),
        (
            format!("suggestions: 2\npeople_folders:\n  - {abs}/People\n"),
            &["add", "Nora"],
            "vault.yaml:3:5",
        ),
        (
            "digest_folder: Digests/../..\n".to_owned(),
            &["status"],
            "vault.yaml:1:16",
        ),
    ] {
        fs::write(root.join("vault.yaml"), &yaml).unwrap_or_else(|e| panic!("{e}"));
        let before = snapshot(dir.path());
        let out = vault(&root)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{yaml}: {stderr}");
        assert!(
            stderr.contains(at) && stderr.contains("inside the vault"),
            "{yaml}: {stderr}"
        );
        assert_eq!(snapshot(dir.path()), before, "{yaml}: nothing was written");
    }
}

#[test]
fn a_digest_folder_that_would_hide_notes_is_refused() {
    let (_dir, root) = ann();
    for (yaml, why) in [
        ("digest_folder: .\n", "the vault itself"),
        ("digest_folder: ./\n", "the vault itself"),
        ("digest_folder: \"\"\n", "the vault itself"),
        ("digest_folder: People\n", "people folder"),
        ("digest_folder: people/\n", "people folder"),
        (
            "people_folders: [Work/Team]\ndigest_folder: Work\n",
            "people folder",
        ),
    ] {
        fs::write(root.join("vault.yaml"), yaml).unwrap_or_else(|e| panic!("{e}"));
        let out = vault(&root)
            .args(["digest"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{yaml}: {stderr}");
        assert!(
            stderr.contains("vault.yaml:") && stderr.contains(why),
            "{yaml}: {stderr}"
        );
    }
    // A folder that holds a person note, under another name.
    fs::create_dir_all(root.join("Team")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("Team/Bea.md"), "---\ntype: person\n---\n")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("Team/2026-W47.md"), "# digest\n").unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("vault.yaml"), "digest_folder: Team\n").unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .args(["status"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("Team/Bea.md") && stderr.contains("person note inside the digest folder"),
        "{stderr}"
    );
    fs::remove_dir_all(root.join("Team")).unwrap_or_else(|e| panic!("{e}"));
    // A digest folder inside a people folder hides nobody.
    fs::write(root.join("vault.yaml"), "digest_folder: People/Digests\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .args(["digest"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn fifos_in_place_of_settings_and_templates_do_not_block() {
    let cases: &[(&str, &[&str], Option<i32>, &str)] = &[
        (
            "vault.yaml",
            &["status"],
            Some(2),
            "vault.yaml: not a regular file",
        ),
        (
            ".vault/templates/digest.md",
            &["digest", "--stdout"],
            Some(1),
            ".vault/templates/digest.md: not a regular file",
        ),
        (
            ".vault/templates/person.md",
            &["add", "Nora"],
            Some(1),
            ".vault/templates/person.md: not a regular file",
        ),
        (
            ".obsidian/daily-notes.json",
            &["check"],
            Some(0),
            ".obsidian/daily-notes.json",
        ),
        (
            ".obsidian/templates.json",
            &["check"],
            Some(0),
            ".obsidian/templates.json",
        ),
    ];
    for (fifo, args, code, message) in cases {
        let (_dir, root) = ann();
        let path = root.join(fifo);
        fs::create_dir_all(path.parent().unwrap_or(&root)).unwrap_or_else(|e| panic!("{e}"));
        if !mkfifo(&path) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let out = vault(&root)
            .args(*args)
            .timeout(Duration::from_secs(10))
            .output()
            .unwrap_or_else(|e| panic!("{fifo}: {e}"));
        let all = text(&out.stdout) + &text(&out.stderr);
        assert_eq!(out.status.code(), *code, "{fifo}: {all}");
        assert!(all.contains(message), "{fifo}: {all}");
    }
}

#[test]
fn a_note_the_reader_could_not_read_is_named_not_unknown() {
    let cases: &[(&str, &str)] = &[
        ("too large", "too large"),
        ("dangling", "cannot read"),
        ("folder", "folder"),
    ];
    for (kind, message) in cases {
        let (_dir, root) = ann();
        let sam = root.join("People/Sam.md");
        match *kind {
            "too large" => fs::write(
                &sam,
                format!("---\nname: Sam\n---\n{}", "x".repeat(6 << 20)),
            )
            .unwrap_or_else(|e| panic!("{e}")),
            "dangling" => symlink("nowhere.md", &sam).unwrap_or_else(|e| panic!("{e}")),
            _ => fs::create_dir(&sam).unwrap_or_else(|e| panic!("{e}")),
        }
        for args in [
            &["log", "sam", "call"][..],
            &["snooze", "Sam", "2w"],
            &["pause", "SAM"],
        ] {
            let out = vault(&root)
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{kind}: {stderr}");
            assert!(
                stderr.contains("People/Sam.md")
                    && stderr.contains(message)
                    && stderr.contains("nothing was written")
                    && !stderr.contains("no person named"),
                "{kind}: {args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn a_note_without_read_permission_is_named_not_unknown() {
    if is_root() {
        eprintln!("skipped: root reads a note whatever its mode (tested as a non-root user only)");
        return;
    }
    let (_dir, root) = ann();
    let sam = root.join("People/Sam.md");
    fs::write(&sam, "---\nname: Sam\n---\n").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&sam, fs::Permissions::from_mode(0o000)).unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .args(["log", "Sam", "call"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("People/Sam.md") && stderr.contains("cannot read"),
        "{stderr}"
    );
    assert!(!stderr.contains("no person named"), "{stderr}");
}
