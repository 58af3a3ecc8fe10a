//! Leaving when the terminal goes away: a watchdog thread that notices SIGTERM/SIGHUP, a hung-up
//! or closed terminal, or a parent that is gone, and ends the workbench within a second even
//! while the screen's thread is stuck inside the terminal library.
//!
//! Why a thread: on a hung-up tty every `read` returns 0 bytes, and crossterm's event reader
//! loops on such reads without ever returning to the event loop, so a flag the loop checks is
//! never looked at. The watchdog asks the loop to leave (the same flag the signal handler
//! sets) and, when the tty has hung up, puts an empty non-blocking pipe on standard input: the
//! stuck read then says "would block", the reader returns to the loop, and the workbench leaves
//! through its normal path, closing the database cleanly. Only if it has not finished after
//! [`GRACE`] does the watchdog end the process itself; even then nothing is lost, since every
//! save is one redb transaction, committed whole or not at all.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the watchdog looks.
const TICK: Duration = Duration::from_millis(100);
/// How long the event loop has to leave (and close the database) once asked.
const GRACE: Duration = Duration::from_millis(800);

static TERMINATE: AtomicBool = AtomicBool::new(false);
static FINISHED: AtomicBool = AtomicBool::new(false);

/// Why the workbench must end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    /// SIGTERM or SIGHUP (the handler cannot tell us which; both mean "leave").
    Signal,
    /// The terminal hung up or was closed (poll reports POLLHUP/POLLERR/POLLNVAL).
    Terminal,
    /// The process that started us is gone (we were re-parented).
    Parent,
}

impl Gone {
    /// The exit status used when the watchdog has to end the process itself (128 + SIGHUP for
    /// a lost terminal, 128 + SIGTERM for a signal, as shells report them).
    pub fn exit_code(self) -> i32 {
        match self {
            Gone::Signal => 128 + libc::SIGTERM,
            Gone::Terminal | Gone::Parent => 128 + libc::SIGHUP,
        }
    }
}

/// Asks the event loop to leave (async-signal-safe: only an atomic store).
pub fn request_terminate() {
    TERMINATE.store(true, Ordering::SeqCst);
}

/// A signal arrived or the watchdog saw the terminal go: the event loop should leave.
pub fn terminate_requested() -> bool {
    TERMINATE.load(Ordering::SeqCst)
}

/// The event loop has left, the terminal is restored and the service dropped: the watchdog
/// need not act.
pub fn mark_finished() {
    FINISHED.store(true, Ordering::SeqCst);
}

/// Marks the workbench finished when dropped: declared first in the event loop's function, it
/// is dropped last, after the terminal session and the app (with its service), on every way
/// out.
pub struct FinishOnDrop;

impl Drop for FinishOnDrop {
    fn drop(&mut self) {
        mark_finished();
    }
}

/// Puts an empty pipe, non-blocking and with its writer kept open, on standard input: a read
/// there says "would block" (not 0 bytes, not an error, which crossterm's reader would retry
/// forever), so a reader stuck on a hung-up tty returns to the event loop.
fn unplug_stdin() -> bool {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: a valid array of two descriptors; fcntl and dup2 on descriptors we own; fd 0 is
    // replaced atomically by dup2. The write end is left open on purpose (see above).
    unsafe {
        if libc::pipe(fds.as_mut_ptr()) != 0 {
            return false;
        }
        let flags = libc::fcntl(fds[0], libc::F_GETFL);
        let ok = flags >= 0
            && libc::fcntl(fds[0], libc::F_SETFL, flags | libc::O_NONBLOCK) == 0
            && libc::dup2(fds[0], libc::STDIN_FILENO) == libc::STDIN_FILENO;
        // With fd 0 free, pipe() hands it back as the read end: it is in place already.
        if fds[0] != libc::STDIN_FILENO {
            libc::close(fds[0]);
        }
        ok
    }
}

/// What the watchdog checks each tick: the flag, the terminal on `fd`, the parent.
pub fn look(fd: libc::c_int, parent: libc::pid_t) -> Option<Gone> {
    if terminate_requested() {
        return Some(Gone::Signal);
    }
    if terminal_gone(fd) {
        return Some(Gone::Terminal);
    }
    // SAFETY: getppid has no preconditions and cannot fail.
    let now = unsafe { libc::getppid() };
    (now != parent).then_some(Gone::Parent)
}

/// True when the terminal on `fd` has hung up or is no longer usable. Asks for no events, so
/// it consumes no input and never competes with the event reader.
pub fn terminal_gone(fd: libc::c_int) -> bool {
    let mut pfd = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout.
    let rc = unsafe { libc::poll(&mut pfd, 1, 0) };
    rc > 0 && pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Starts the watchdog for the terminal on standard input. `restore` puts the terminal back
/// (best effort) before the watchdog ends the process.
pub fn spawn(restore: fn()) {
    // SAFETY: getppid has no preconditions and cannot fail.
    let parent = unsafe { libc::getppid() };
    let started = std::thread::Builder::new()
        .name("loyal-watchdog".into())
        .spawn(move || {
            let gone = loop {
                if FINISHED.load(Ordering::SeqCst) {
                    return;
                }
                if let Some(gone) = look(libc::STDIN_FILENO, parent) {
                    break gone;
                }
                std::thread::sleep(TICK);
            };
            request_terminate();
            let asked = Instant::now();
            let mut unplugged = false;
            while asked.elapsed() < GRACE {
                if FINISHED.load(Ordering::SeqCst) {
                    return;
                }
                // Also when the tty hangs up only after a SIGTERM asked us to leave.
                if !unplugged && terminal_gone(libc::STDIN_FILENO) {
                    unplugged = unplug_stdin();
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            // The loop did not leave in time: end here. Writes to a dead terminal fail at
            // once, so restoring cannot block.
            restore();
            std::process::exit(gone.exit_code());
        });
    if let Err(e) = started {
        eprintln!("{}", t!("hangup-no-watch", reason = e.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_descriptor_counts_as_a_gone_terminal() {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: a valid array of two descriptors.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        assert!(!terminal_gone(fds[0]), "an open pipe with a writer is fine");
        // SAFETY: closing the write end we own.
        unsafe { libc::close(fds[1]) };
        assert!(terminal_gone(fds[0]), "writer gone: POLLHUP");
        // SAFETY: closing the read end we own.
        unsafe { libc::close(fds[0]) };
        assert!(terminal_gone(fds[0]), "closed descriptor: POLLNVAL");
    }

    #[test]
    fn an_unplugged_stdin_would_block_instead_of_ending() {
        // Run in a child process: replacing fd 0 must not disturb the test harness.
        // SAFETY: fork in a test; the child only calls async-signal-safe functions and _exit.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0);
        if pid == 0 {
            let ok = unplug_stdin();
            let mut byte = 0u8;
            // SAFETY: reading one byte into a valid buffer.
            let n = unsafe { libc::read(0, (&mut byte as *mut u8).cast(), 1) };
            let would_block =
                n == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::WouldBlock;
            // SAFETY: ending the forked child without running the parent's destructors.
            unsafe { libc::_exit(if ok && would_block { 0 } else { 1 }) };
        }
        let mut status = 0;
        // SAFETY: waiting for the child we forked.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    }

    #[test]
    fn a_new_parent_is_noticed() {
        // SAFETY: getppid has no preconditions.
        let parent = unsafe { libc::getppid() };
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: a valid array of two descriptors.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        assert_eq!(look(fds[0], parent), None);
        assert_eq!(look(fds[0], parent + 1), Some(Gone::Parent));
        // SAFETY: closing descriptors we own.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
}
