//! The consolidated text: one resolution, or several with a table of
//! contents, typeset as in the Official Records.

use crate::assets::Assets;
use crate::compose::locale::Locale;
use crate::compose::resolution::{blocks, Notes};
use crate::doc::{Block, Document, Inline};
use crate::error::{Error, Result};
use crate::model::{Lang, Paper, Resolution};
use crate::project::Project;

/// Composes the consolidated text in `lang`: the folder's resolution, then
/// those of its `resolutions/` folder in that language.
pub fn text(project: &Project, lang: Lang, assets: &Assets) -> Result<Document> {
    let locale = Locale::load(assets, lang)?;
    let main = project.resolution_in(lang).ok_or_else(|| {
        Error::data(format!(
            "{} has no resolution in `{lang}`",
            project.dir.display()
        ))
        .hint(format!("add resolution.{lang}.yaml beside resolution.yaml"))
    })?;
    let mut list: Vec<&Resolution> = vec![main];
    list.extend(
        project
            .compilation
            .iter()
            .map(|(r, _)| r)
            .filter(|r| r.language == lang),
    );
    let mut notes = Notes::default();
    let mut body = Vec::new();
    if list.len() > 1 {
        body.push(Block::Heading {
            level: 3,
            number: None,
            content: vec![Inline::Text(locale.consolidated_title.clone())],
        });
        body.push(Block::Contents);
    }
    for (i, r) in list.iter().enumerate() {
        if i > 0 || list.len() > 1 {
            body.push(Block::PageBreak);
        }
        body.extend(blocks(r, &locale, &mut notes));
    }
    let title = match list.as_slice() {
        [one] => format!(
            "{} {}",
            one.number,
            crate::compose::resolution::plain(&one.title)
        ),
        _ => locale.consolidated_title.clone(),
    };
    let date = main.date.or(main.meeting.as_ref().map(|m| m.date));
    let doc = super::plain_document(
        lang,
        paper(project, lang),
        false,
        title,
        date,
        &locale,
        body,
    );
    Ok(doc)
}

/// The paper of the report in `lang`, or of any report, or A4.
pub fn paper(project: &Project, lang: Lang) -> Paper {
    project
        .reports
        .get(&lang)
        .or_else(|| project.reports.values().next())
        .map_or(Paper::A4, |(r, _)| r.paper)
}
