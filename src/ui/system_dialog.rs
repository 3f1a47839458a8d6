//! The system's file dialogs (through rfd), run off the UI thread: the window keeps drawing —
//! and the projector keeps showing — while a dialog is open, and a note says one is open. The
//! app asks for a dialog with a [`FileRequest`]; the path picked goes back to the app.
//!
//! Whether the machine has a dialog to show is asked once, at start ([`available`]): on Linux
//! the dialog is the desktop portal's (or zenity's), and a machine without either gets the app's
//! own Open and Save boxes instead of a dialog that silently never appears.

use crate::app::{FileRequest, ImportFile, WorkshopApp};
use std::path::PathBuf;
use std::sync::mpsc::{self, TryRecvError};

/// Whether this machine can show the system's file dialog.
pub fn available() -> bool {
    #[cfg(target_os = "linux")]
    {
        portal_is_there() || on_path("zenity")
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

/// Whether the desktop portal is running or can be started on the session bus.
#[cfg(target_os = "linux")]
fn portal_is_there() -> bool {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    let Ok(bus) = zbus::blocking::Connection::session() else { return false };
    let Ok(dbus) = zbus::blocking::fdo::DBusProxy::new(&bus) else { return false };
    let has = |names: zbus::fdo::Result<Vec<zbus::names::OwnedBusName>>| {
        names.is_ok_and(|names| names.iter().any(|n| n.as_str() == PORTAL))
    };
    has(dbus.list_names()) || has(dbus.list_activatable_names())
}

#[cfg(target_os = "linux")]
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Starts the dialog the app asked for, if any, and hands the app the answer of one that
/// closed. Called once a frame.
pub fn each_frame(ctx: &egui::Context, app: &mut WorkshopApp, window: &eframe::Frame) {
    if app.document.awaiting.is_none()
        && let Some(request) = app.document.file_request.take()
    {
        let answer = start(ctx, app, &request, window);
        app.document.awaiting = Some((request, answer));
    }
    let Some((request, answer)) = &app.document.awaiting else { return };
    match answer.try_recv() {
        Ok(path) => {
            let request = request.clone();
            app.document.awaiting = None;
            app.file_picked(request, path);
        }
        Err(TryRecvError::Disconnected) => app.document.awaiting = None,
        Err(TryRecvError::Empty) => {
            let tr = app.tr();
            egui::Modal::new(egui::Id::unique("system_dialog_open")).show(ctx, |ui| {
                ui.label(tr.t("files.system_dialog_open"));
            });
        }
    }
}

/// Builds the dialog on the UI thread (macOS wants it there), owned by the app's window, and
/// waits for it on another.
fn start(
    ctx: &egui::Context,
    app: &WorkshopApp,
    request: &FileRequest,
    window: &eframe::Frame,
) -> mpsc::Receiver<Option<PathBuf>> {
    let dialog = rfd::AsyncFileDialog::new().set_parent(window);
    let dialog = match request {
        FileRequest::Open => dialog.add_filter("By i balance", &["ron"]).set_directory(&app.workspace.saves_dir),
        FileRequest::SaveAs { file_name, .. } => {
            dialog.add_filter("By i balance", &["ron"]).set_directory(&app.workspace.saves_dir).set_file_name(file_name)
        }
        FileRequest::Import(file) => {
            let name = match file {
                ImportFile::Table => "CSV",
                ImportFile::Outlines => "GeoJSON",
            };
            dialog.add_filter(name, file.extensions())
        }
    };
    let (send, answer) = mpsc::channel();
    let repaint = ctx.clone();
    let waiting = match request {
        FileRequest::Open | FileRequest::Import(_) => {
            Box::pin(dialog.pick_file()) as std::pin::Pin<Box<dyn Future<Output = _> + Send>>
        }
        FileRequest::SaveAs { .. } => Box::pin(dialog.save_file()),
    };
    // Without a thread there is no dialog: the sender is dropped with the closure, and
    // `each_frame` sees the channel closed.
    let _ = std::thread::Builder::new().name("file dialog".to_owned()).spawn(move || {
        let picked = pollster::block_on(waiting).map(|handle| handle.path().to_owned());
        // The app may have closed meanwhile; then nobody waits for the answer.
        let _ = send.send(picked);
        repaint.request_repaint();
    });
    answer
}
