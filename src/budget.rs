//! Time and memory budgets, so that a runaway style file or template (a loop
//! that never ends, a string doubled until memory runs out) stops with a
//! clear error naming what was running instead of hanging the machine or
//! aborting.
//!
//! typst has no fuel and no allocation limit of its own, so the budgets are
//! kept by the process: [`Counting`], the binary's global allocator, counts
//! the bytes in use and refuses to go beyond [`set_memory_limit`]; a
//! watchdog ends a step that runs longer than its time limit. Both print the
//! message prepared by [`Step::start`] and end the process with exit code 5.
//! They stop the process, not just the step: nothing has been written at
//! that point (a run writes its outputs only when every document is made),
//! and a later run removes temporary files of a run that stopped.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// The default memory limit: 8 GiB, several times what the largest real
/// document needs (a 300-page report takes about 3 GB).
pub const DEFAULT_MEMORY: u64 = 8 << 30;
/// The default time limit of one step (laying out one document): 300 s.
pub const DEFAULT_SECONDS: u64 = 300;
/// The exit code of a run stopped by a budget (a typesetting error).
const EXIT: i32 = 5;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
/// The message to print when the memory budget is exceeded: a leaked,
/// immutable string, replaced (and leaked again) at each step.
static MESSAGE: AtomicPtr<String> = AtomicPtr::new(std::ptr::null_mut());

/// The global allocator of the `resolute` binary: the system's, counting
/// the bytes in use against the memory limit.
pub struct Counting;

// SAFETY: every call is passed on to the system allocator unchanged; the
// counter only decides whether to pass it on at all.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        reserve(layout.size());
        // SAFETY: the caller's layout, as the trait requires.
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        reserve(layout.size());
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old {
            reserve(new_size - old);
        }
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            if new_size > old {
                IN_USE.fetch_sub(new_size - old, Ordering::Relaxed);
            }
        } else if new_size < old {
            IN_USE.fetch_sub(old - new_size, Ordering::Relaxed);
        }
        p
    }
}

/// Counts `size` more bytes in use, ending the run if that passes the limit.
fn reserve(size: usize) {
    let before = IN_USE.fetch_add(size, Ordering::Relaxed);
    if before.saturating_add(size) > LIMIT.load(Ordering::Relaxed) {
        stop(&MESSAGE);
    }
}

/// Prints the prepared message and ends the process, allocating nothing.
fn stop(message: &AtomicPtr<String>) -> ! {
    let p = message.load(Ordering::Acquire);
    let text: &str = if p.is_null() {
        "error: resolute went beyond its memory limit\n"
    } else {
        // SAFETY: messages are leaked and never freed or changed.
        unsafe { (*p).as_str() }
    };
    write_stderr(text.as_bytes());
    // SAFETY: `_exit` ends the process at once; nothing of ours runs after.
    unsafe { libc::_exit(EXIT) }
}

fn write_stderr(mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: writes from a valid buffer of the given length.
        let n = unsafe { libc::write(2, bytes.as_ptr().cast(), bytes.len()) };
        if n <= 0 {
            return;
        }
        bytes = &bytes[n as usize..];
    }
}

/// Sets the memory limit of the process, in bytes.
pub fn set_memory_limit(bytes: u64) {
    LIMIT.store(
        usize::try_from(bytes).unwrap_or(usize::MAX),
        Ordering::Relaxed,
    );
}

/// The time limit of each step.
static SECONDS: AtomicUsize = AtomicUsize::new(DEFAULT_SECONDS as usize);

/// Sets the time limit of each step, in seconds.
pub fn set_time_limit(seconds: u64) {
    SECONDS.store(
        usize::try_from(seconds).unwrap_or(usize::MAX),
        Ordering::Relaxed,
    );
}

/// One of the watchdog's jobs: a step's deadline and the message for it.
struct Deadline {
    at: Instant,
    message: String,
    generation: u64,
}

/// The deadlines of the steps running now (documents are laid out on
/// several threads at once).
static WATCH: Mutex<Vec<Deadline>> = Mutex::new(Vec::new());
static WAKE: Condvar = Condvar::new();
static GENERATION: AtomicUsize = AtomicUsize::new(0);
static STARTED: std::sync::Once = std::sync::Once::new();

/// A step of work under the budgets (laying out one document with a style
/// file, say), from [`Step::start`] until it is dropped.
pub struct Step {
    generation: u64,
}

impl Step {
    /// Starts a step described by `what` ("laying out report.en.pdf") with
    /// the file that drives it (the style file, the template), whose name the
    /// messages give.
    pub fn start(what: &str, file: &std::path::Path) -> Step {
        let limit = SECONDS.load(Ordering::Relaxed) as u64;
        let memory = LIMIT.load(Ordering::Relaxed) as u64;
        let file = file.display();
        let memory_message = format!(
            "error: {what} needed more than the memory limit ({}); stopped\n  ┌─ {file}\n  = hint: a loop or a text that grows without end in {file} would do this; if the document is simply very large, raise the limit with --memory-limit MIB\n",
            crate::input::size_text(memory),
        );
        // Leaked on purpose: the allocator may read it at any time.
        let leaked = Box::into_raw(Box::new(memory_message));
        MESSAGE.store(leaked, Ordering::Release);

        let generation = GENERATION.fetch_add(1, Ordering::Relaxed) as u64 + 1;
        let message = format!(
            "error: {what} took more than the time limit ({limit} s); stopped\n  ┌─ {file}\n  = hint: a loop that never ends, or runs very many times, in {file} would do this; if the document is simply very large, raise the limit with --time-limit SECONDS\n",
        );
        STARTED.call_once(|| {
            std::thread::Builder::new()
                .name("resolute-watchdog".into())
                .spawn(watchdog)
                .ok();
        });
        // A limit too far to reckon (`--time-limit 18446744073709551615`)
        // is no limit.
        let at = Instant::now().checked_add(Duration::from_secs(limit));
        if let (Ok(mut steps), Some(at)) = (WATCH.lock(), at) {
            steps.push(Deadline {
                at,
                message,
                generation,
            });
        }
        WAKE.notify_all();
        Step { generation }
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        // Between steps the memory message names no step (the leaked one
        // stays valid for a reader that loaded it already).
        MESSAGE.store(std::ptr::null_mut(), Ordering::Release);
        if let Ok(mut steps) = WATCH.lock() {
            steps.retain(|d| d.generation != self.generation);
        }
        WAKE.notify_all();
    }
}

fn watchdog() {
    let Ok(mut steps) = WATCH.lock() else { return };
    loop {
        let wait = match steps.iter().min_by_key(|d| d.at) {
            None => Duration::from_secs(3600),
            Some(d) => {
                let now = Instant::now();
                if now >= d.at {
                    write_stderr(d.message.as_bytes());
                    // SAFETY: ends the process at once.
                    unsafe { libc::_exit(EXIT) }
                }
                d.at - now
            }
        };
        steps = match WAKE.wait_timeout(steps, wait) {
            Ok((s, _)) => s,
            Err(_) => return,
        };
    }
}
