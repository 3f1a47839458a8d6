//! Build script: gives the Windows .exe its icon, its version information (what Properties >
//! Details and Task Manager show: product, company, version, description; the version is the
//! package's) and its manifest. For every other target it does nothing.
//!
//! Cross-compiling from Linux needs mingw-w64's `x86_64-w64-mingw32-windres`
//! (`scripts/package-windows` installs it).

/// Runs as the user who started it (no elevation prompt), on Windows 7 to 11, sharp on every
/// monitor, with long paths and the system's current common controls (the file dialogs).
const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="ByIBalance.ByIBalance" version="0.0.0.0" processorArchitecture="amd64"/>
  <description>By i balance</description>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security><requestedPrivileges><requestedExecutionLevel level="asInvoker" uiAccess="false"/></requestedPrivileges></security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
      <supportedOS Id="{1f676c76-80e1-4239-95bb-83d0f6d0da78}"/>
      <supportedOS Id="{4a2f28e3-53b9-4441-ba9c-d69d4a4a6e38}"/>
      <supportedOS Id="{35138b9a-5d96-4fbd-8e2d-a2440225f93a}"/>
    </application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2</dpiAwareness>
      <longPathAware xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">true</longPathAware>
    </windowsSettings>
  </application>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
</assembly>
"#;

/// The version information's texts. `FileDescription` is the name Task Manager lists.
const DETAILS: [(&str, &str); 7] = [
    ("ProductName", "By i balance"),
    ("FileDescription", "By i balance"),
    ("CompanyName", "By i balance"),
    ("LegalCopyright", "© 2026 the By i balance authors. MIT OR Apache-2.0."),
    ("OriginalFilename", "by-i-balance.exe"),
    ("InternalName", "by-i-balance"),
    (
        "Comments",
        // No apostrophes: winresource escapes them in a way windres keeps literally.
        "Workshopværktøj til de udsatte boligområder i Høje-Taastrup frem mod 2040. Henter intet \
         fra nettet og skriver kun i brugerens datamappe. / A workshop tool for the vulnerable \
         housing estates of Høje-Taastrup towards 2040. Fetches nothing from the internet and \
         writes only to the data folder of its user.",
    ),
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=assets/icon/by-i-balance.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    for (key, value) in DETAILS {
        resource.set(key, value);
    }
    resource.set_icon("assets/icon/by-i-balance.ico").set_manifest(MANIFEST);
    if let Err(e) = resource.compile() {
        eprintln!(
            "build.rs: the Windows resources (icon, version information, manifest) could not be \
             compiled: {e}. Cross-compiling needs mingw-w64 (apt-get install mingw-w64)."
        );
        std::process::exit(1);
    }
}
