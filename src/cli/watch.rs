//! `watch`: render, then render again whenever an input of the project
//! changes. The renderer (fonts, the typst library, each document's last
//! layout) and typst's memoized work live from one round to the next, so an
//! edit lays out again only what it touched, in one pass when no page
//! moves; a new renderer is made only when a template or a font changes.
//! The inputs are looked at every `--poll` milliseconds (their sizes and
//! times): no notification service is needed.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::render::{inputs_of, make, Previews};
use super::{print, show_warnings, WatchArgs};
use crate::assets::Assets;
use crate::error::{Outcome, Problems};
use crate::output::write_all;
use crate::project::Project;
use crate::render::Renderer;

/// What is known of a file: its size and when it was last written.
type Stamp = (u64, Option<SystemTime>);

/// The files looked at, and their stamps.
type Stamps = BTreeMap<PathBuf, Stamp>;

/// The most entries of each folder's walk looked at in one poll.
const MOST_ENTRIES: usize = 10_000;

/// Runs `watch` until interrupted (or for `--rounds` rounds).
pub(super) fn watch(args: WatchArgs) -> Outcome<()> {
    let mut previews = args.preview.clone().map(|dir| Previews {
        dir,
        known: HashMap::new(),
    });
    let mut renderer: Option<(Stamps, Renderer)> = None;
    let poll = Duration::from_millis(args.poll.max(10));
    // What this watch has written. No input: its own writes start no
    // round, even where they land inside the project's folder.
    let mut written = Written::new();
    let mut warned = false;
    let mut before = snapshot(&args, &written, &mut warned);
    let mut round = 0u64;
    loop {
        round += 1;
        let started = Instant::now();
        match render_round(&args, &mut renderer, previews.as_mut(), &mut written) {
            Ok((fresh, unchanged)) => {
                let made = fresh + unchanged;
                let same = if unchanged == 0 {
                    String::new()
                } else {
                    format!(" ({unchanged} unchanged, not written again)")
                };
                print::message(&format!(
                    "rendered {made} file{}{same} in {} ms\n",
                    if made == 1 { "" } else { "s" },
                    started.elapsed().as_millis()
                ));
            }
            Err(problems) => {
                for problem in problems.errors {
                    print::message(&problem.render());
                }
                print::message(if !written.is_empty() {
                    "not rendered: the last good output stays in place\n"
                } else {
                    "not rendered: nothing is written until the input is mended\n"
                });
            }
        }
        before.retain(|path, _| !written.contains_key(path));
        // What the last two rounds did not use is forgotten, so that a long
        // session does not keep every version of the document: once the
        // outputs are written and the time printed, while nothing waits.
        if let Some((_, r)) = &renderer {
            r.forget_older();
        }
        if args.rounds != 0 && round >= args.rounds {
            return Ok(());
        }
        // A folder of many files takes a while to look at: the pause is at
        // least twenty times that, so that watching stays light while idle.
        let mut pause = poll;
        let changed = loop {
            std::thread::sleep(pause);
            let looking = Instant::now();
            let now = snapshot(&args, &written, &mut warned);
            pause = poll.max(looking.elapsed() * 20);
            let changed = differences(&before, &now);
            if !changed.is_empty() {
                // Let a save in progress finish before reading.
                std::thread::sleep(poll);
                before = snapshot(&args, &written, &mut warned);
                break changed;
            }
        };
        print::message(&format!("changed: {}\n", listed(&changed)));
    }
}

/// What watch last wrote at each path (made absolute, as the walk gives
/// paths): the hash and length of the bytes.
type Written = HashMap<PathBuf, (u64, usize)>;

fn fingerprint(bytes: &[u8]) -> (u64, usize) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    (hasher.finish(), bytes.len())
}

/// One round: load, check, render and write what `args` asks for; how
/// many files were written, and how many were made as they already are
/// (not written again, so that a viewer that reloads a changed file is
/// left alone, and the disk is spared).
fn render_round(
    args: &WatchArgs,
    slot: &mut Option<(Stamps, Renderer)>,
    previews: Option<&mut Previews>,
    written: &mut Written,
) -> std::result::Result<(usize, usize), Problems> {
    let r = &args.render;
    let project = Project::load(&r.target)?;
    let assets = Assets::with_dir(r.templates.clone())?.with_font_dirs(r.font_path.clone());
    let problems = crate::check::project(&project);
    if !problems.is_empty() {
        return Err(problems.into());
    }
    let inputs = inputs_of(&project, &assets)?;
    // A changed template or font needs a renderer that reads it again.
    let files = assets.files()?;
    let stamps: Stamps = files.iter().map(|p| (p.clone(), stamp(p))).collect();
    if slot.as_ref().is_none_or(|(s, _)| *s != stamps) {
        *slot = Some((stamps, Renderer::new(assets).keeping_layouts()));
    }
    let Some((_, renderer)) = slot.as_ref() else {
        return Ok((0, 0));
    };
    let made = make(r, &project, renderer, previews.as_deref(), true)?;
    show_warnings(renderer);
    // Each output with its key and fingerprint, worked out once. A file is
    // the same when its bytes are what watch wrote there last and it still
    // has their length (it was not replaced meanwhile).
    let keyed = made
        .outputs
        .into_iter()
        .map(|(path, bytes)| ((absolute(&path), fingerprint(&bytes)), (path, bytes)));
    let (unchanged, fresh): (Vec<_>, Vec<_>) = keyed.partition(|((key, print), (path, _))| {
        written.get(key) == Some(print)
            && std::fs::metadata(path).is_ok_and(|m| m.len() == print.1 as u64)
    });
    let (keys, fresh): (Vec<_>, Vec<_>) = fresh.into_iter().unzip();
    write_all(&fresh, &inputs)?;
    written.extend(keys);
    if let Some(p) = previews {
        // A document that lost pages leaves no pictures of them behind.
        for (pdf, hashes) in &made.hashes {
            let before = p.known.get(pdf).map_or(0, Vec::len);
            for number in hashes.len() + 1..=before {
                let _ = std::fs::remove_file(p.picture(pdf, number));
            }
        }
        p.known.extend(made.hashes);
    }
    Ok((fresh.len(), unchanged.len()))
}

/// The stamps of the files `watch` follows: the project's folder (a few
/// levels deep), the templates folder and the font folders, without the
/// files it wrote itself and hidden files (a write in progress). Warns once
/// when a folder is too large to follow whole.
fn snapshot(args: &WatchArgs, written: &Written, warned: &mut bool) -> Stamps {
    let r = &args.render;
    let folder = if r.target.is_dir() {
        r.target.clone()
    } else {
        r.target
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_owned)
    };
    let mut roots = vec![folder];
    roots.extend(r.templates.clone());
    roots.extend(r.font_path.iter().cloned());
    // Below a folder made absolute once, a path is what `absolute` makes of
    // it: the walk follows no link to a folder.
    let skip = |path: &Path| {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        hidden || written.contains_key(path)
    };
    let mut stamps = Stamps::new();
    for root in roots {
        let root = canonical(&root);
        let listing = crate::input::files_below(&root, 3, MOST_ENTRIES, &skip);
        if !listing.complete && !*warned {
            *warned = true;
            print::message(&format!(
                "warning: {} holds more than {MOST_ENTRIES} files and folders: watch follows those nearest the top (a folder's own files before its subfolders')\n",
                root.display()
            ));
        }
        stamps.extend(listing.files.into_iter().map(|path| {
            let stamp = stamp(&path);
            (path, stamp)
        }));
    }
    stamps
}

/// `path` made absolute as far as it exists, to compare paths.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// `path` with its folder made absolute, its own name kept (a link is
/// named, not followed): what the walk below an absolute folder gives.
fn absolute(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            canonical(parent).join(name)
        }
        _ => canonical(path),
    }
}

/// The changed files for a message: named from the current folder where
/// they are below it, at most ten.
fn listed(changed: &[PathBuf]) -> String {
    const SHOWN: usize = 10;
    let here = std::env::current_dir().map(|d| canonical(&d)).ok();
    let mut names: Vec<String> = changed
        .iter()
        .take(SHOWN)
        .map(|p| {
            here.as_ref()
                .and_then(|h| p.strip_prefix(h).ok())
                .unwrap_or(p)
                .display()
                .to_string()
        })
        .collect();
    if changed.len() > SHOWN {
        names.push(format!("and {} more", changed.len() - SHOWN));
    }
    names.join(", ")
}

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).map_or((0, None), |m| (m.len(), m.modified().ok()))
}

/// The files added, removed or changed between two snapshots.
fn differences(before: &Stamps, now: &Stamps) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = now
        .iter()
        .filter(|(p, s)| before.get(*p) != Some(*s))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(before.keys().filter(|p| !now.contains_key(*p)).cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_an_addition_and_a_removal_are_differences() {
        let t = Some(SystemTime::UNIX_EPOCH);
        let before: Stamps = [("a".into(), (1, t)), ("b".into(), (2, t))].into();
        let now: Stamps = [
            ("a".into(), (1, t)),
            ("b".into(), (3, t)),
            ("c".into(), (1, t)),
        ]
        .into();
        let mut d = differences(&before, &now);
        d.sort();
        assert_eq!(d, [PathBuf::from("b"), PathBuf::from("c")]);
        let gone: Stamps = [("a".into(), (1, t))].into();
        assert_eq!(differences(&before, &gone), [PathBuf::from("b")]);
        assert!(differences(&before, &before).is_empty());
    }
}
