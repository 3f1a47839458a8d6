//! The command line's console on Windows. The .exe is built as a Windows (GUI) program so that
//! starting it from Explorer opens no console window; a GUI program has no console of its own,
//! so when it is started from a command prompt or PowerShell this module attaches it to that
//! window's console, and the command line's text and the app's messages show there. Output that
//! was redirected to a file or a pipe stays redirected. Elsewhere it does nothing.

/// Attaches to the console of the process that started this one, if it has one (Windows only).
/// Call first thing in `main`, before anything is printed.
pub fn attach_to_parent_console() {
    #[cfg(windows)]
    windows::attach();
}

#[cfg(windows)]
// The crate denies unsafe code; these three Win32 calls are the only way to reach the parent's
// console, and each is used as its documentation requires (see the SAFETY notes).
#[allow(unsafe_code)]
mod windows {
    use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE, STD_INPUT_HANDLE,
        STD_OUTPUT_HANDLE, SetStdHandle,
    };

    const STREAMS: [STD_HANDLE; 3] = [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE];

    fn is_set(handle: HANDLE) -> bool {
        !handle.is_null() && handle != INVALID_HANDLE_VALUE
    }

    pub fn attach() {
        // SAFETY: GetStdHandle only reads this process's standard handles.
        let inherited = STREAMS.map(|stream| (stream, unsafe { GetStdHandle(stream) }));
        // SAFETY: AttachConsole takes a process id constant and fails harmlessly (returns 0) when
        // the parent has no console, as when started from Explorer.
        if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
            return;
        }
        // A stream the parent redirected (`> out.json`, `| findstr`) keeps its file or pipe;
        // only the streams that had none go to the console. Rust's standard library looks the
        // handle up on every write, so this takes effect at once.
        for (stream, handle) in inherited {
            if is_set(handle) {
                // SAFETY: the handle was valid and is this process's own; SetStdHandle only
                // records it.
                unsafe { SetStdHandle(stream, handle) };
            }
        }
    }
}
