//! `watch`: render, then render again whenever an input of the project
//! changes. The renderer (fonts, the typst library, each document's last
//! layout) and typst's memoized work live from one round to the next, so an
//! edit lays out again only what it touched, in one pass when no page
//! moves; a new renderer is made only when a template or a font changes. The inputs are looked at every `--poll` milliseconds (their
//! sizes and times): no notification service is needed.

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

/// Runs `watch` until interrupted (or for `--rounds` rounds).
pub(super) fn watch(args: WatchArgs) -> Outcome<()> {
    let mut previews = args.preview.clone().map(|dir| Previews {
        dir,
        known: HashMap::new(),
    });
    let mut renderer: Option<(Stamps, Renderer)> = None;
    let poll = Duration::from_millis(args.poll.max(10));
    let mut before = snapshot(&args);
    let mut round = 0u64;
    loop {
        round += 1;
        let started = Instant::now();
        match render_round(&args, &mut renderer, previews.as_mut()) {
            Ok(files) => print::message(&format!(
                "rendered {files} file{} in {} ms\n",
                if files == 1 { "" } else { "s" },
                started.elapsed().as_millis()
            )),
            Err(problems) => {
                for problem in problems.errors {
                    print::message(&problem.render());
                }
                print::message("not rendered: the last good output stays in place\n");
            }
        }
        // What the last two rounds did not use is forgotten, so that a long
        // session does not keep every version of the document: once the
        // outputs are written and the time printed, while nothing waits.
        if let Some((_, r)) = &renderer {
            r.forget_older();
        }
        if args.rounds != 0 && round >= args.rounds {
            return Ok(());
        }
        let changed = loop {
            std::thread::sleep(poll);
            let now = snapshot(&args);
            let changed = differences(&before, &now);
            if !changed.is_empty() {
                // Let a save in progress finish before reading.
                std::thread::sleep(poll);
                before = snapshot(&args);
                break changed;
            }
        };
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        print::message(&format!("changed: {}\n", names.join(", ")));
    }
}

/// One round: load, check, render and write what `args` asks for; the
/// number of files written.
fn render_round(
    args: &WatchArgs,
    slot: &mut Option<(Stamps, Renderer)>,
    previews: Option<&mut Previews>,
) -> std::result::Result<usize, Problems> {
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
        return Ok(0);
    };
    let made = make(r, &project, renderer, previews.as_deref(), true)?;
    show_warnings(renderer);
    write_all(&made.outputs, &inputs)?;
    if let Some(p) = previews {
        p.known.extend(made.hashes);
    }
    Ok(made.outputs.len())
}

/// The stamps of the files `watch` follows: the project's folder (a few
/// levels deep), the templates folder and the font folders, without the
/// outputs and hidden files (a write in progress).
fn snapshot(args: &WatchArgs) -> Stamps {
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
    let outputs: Vec<PathBuf> = r
        .output
        .iter()
        .chain(&r.out_dir)
        .chain(&args.preview)
        .map(|p| canonical(p))
        .collect();
    let skip = |path: &Path| {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        hidden || outputs.iter().any(|o| canonical(path).starts_with(o))
    };
    roots
        .iter()
        .flat_map(|root| crate::input::files_below(root, 3, &skip))
        .map(|path| {
            let stamp = stamp(&path);
            (path, stamp)
        })
        .collect()
}

/// `path` made absolute as far as it exists, to compare paths.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
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
