/*
 * A stand-in for Windows' bcryptprimitives.dll, for tests under Debian 12's Wine 8 only.
 *
 * Rust's standard library on Windows imports ProcessPrng from bcryptprimitives.dll (the
 * system's random generator, there since Windows 10); Wine added the DLL in 9.x, so under
 * Wine 8 the .exe will not load. This DLL gives ProcessPrng by calling BCryptGenRandom, which
 * Wine 8 has. It is placed beside a test copy of the .exe in CI and never shipped: every
 * supported Windows has the real one.
 *
 *   x86_64-w64-mingw32-gcc -O2 -shared -o bcryptprimitives.dll bcryptprimitives.c \
 *       bcryptprimitives.def -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
