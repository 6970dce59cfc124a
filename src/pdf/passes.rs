//! typst's layout passes, started from an earlier layout of the same
//! document when there is one.
//!
//! typst lays a document out again and again until what the document asked
//! about itself (page numbers, the contents) is what the layout produced. It
//! starts from a blank answer, so even a document laid out a moment ago is
//! laid out at least twice. `watch` hands in the layout of the round before:
//! after an edit that moves no page, the first pass already gives the
//! answers it asked for and is the last. The answers are checked as typst
//! checks them, so where they are stale another pass runs: the result is
//! the same, only the number of passes differs.

use comemo::{Constraint, Track, Tracked};
use typst::diag::{SourceDiagnostic, SourceResult, Warned};
use typst::ecow::{eco_vec, EcoVec};
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{StyleChain, Target, TargetElem};
use typst::introspection::{EmptyIntrospector, Introspector};
use typst::syntax::Span;
use typst::utils::Protected;
use typst::World;
use typst_layout::PagedDocument;

/// The passes typst allows itself before it gives up settling a document.
const MAX_PASSES: usize = 5;

/// Evaluates `world`'s main file and lays it out, the first pass answering
/// the document's questions from `earlier` (if given) instead of from
/// nothing. Returns the layout and typst's warnings, as `typst::compile`.
pub fn compile(
    world: &dyn World,
    earlier: Option<&PagedDocument>,
) -> Warned<SourceResult<PagedDocument>> {
    let traced = Traced::default();
    let mut sink = Sink::new();
    let output = passes(world.track(), traced.track(), &mut sink, earlier);
    Warned {
        output,
        warnings: sink.warnings(),
    }
}

fn passes(
    world: Tracked<dyn World + '_>,
    traced: Tracked<Traced>,
    sink: &mut Sink,
    earlier: Option<&PagedDocument>,
) -> SourceResult<PagedDocument> {
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let paged = TargetElem::target.set(Target::Paged).wrap();
    let styles = base.chain(&paged);
    let main = world
        .source(world.main())
        .map_err(|e| eco_vec![SourceDiagnostic::error(Span::detached(), e.to_string())])?;
    let content = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        Route::default().track(),
        &main,
    )?
    .content();

    let blank = EmptyIntrospector;
    let mut last: Option<PagedDocument> = None;
    let mut pass = 1;
    loop {
        let answers: &dyn Introspector = match (&last, earlier) {
            (Some(doc), _) | (None, Some(doc)) => doc.introspector().as_ref(),
            (None, None) => &blank,
        };
        let asked = Constraint::new();
        let mut pass_sink = Sink::new();
        let doc = {
            let mut engine = Engine {
                library,
                world,
                introspector: Protected::new(answers.track_with(&asked)),
                traced,
                sink: pass_sink.track_mut(),
                route: Route::default(),
            };
            typst_layout::layout_document(&mut engine, &content, styles)?
        };
        let settled = asked.validate(doc.introspector().as_ref() as &dyn Introspector);
        if settled || pass == MAX_PASSES {
            sink.extend_from_sink(pass_sink);
            if !settled {
                sink.warn(SourceDiagnostic::warning(
                    Span::detached(),
                    "the layout did not settle: page numbers or the contents may be wrong",
                ));
            }
            let delayed: EcoVec<SourceDiagnostic> = sink.delayed();
            if !delayed.is_empty() {
                return Err(delayed);
            }
            return Ok(doc);
        }
        last = Some(doc);
        pass += 1;
    }
}
