/* pith-tsan-private.h: telling ThreadSanitizer what GLib's locks order
 *
 * GLib 2.74 locks GMutex, GCond and GAsyncQueue with raw futexes, and its
 * g_once and GThreadPool hand-offs happen inside an uninstrumented library:
 * ThreadSanitizer sees none of them, and reports every hand-off between
 * threads as a race. At each place Pith relies on one, it says so: release
 * where a thread publishes, acquire where another takes over. Outside a
 * ThreadSanitizer build these are nothing.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if defined(__SANITIZE_THREAD__)
#define PITH_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PITH_TSAN 1
#endif
#endif

#ifdef PITH_TSAN
void __tsan_acquire (void *address);
void __tsan_release (void *address);
#define pith_tsan_acquire(address) __tsan_acquire ((void *) (address))
#define pith_tsan_release(address) __tsan_release ((void *) (address))
#else
#define pith_tsan_acquire(address) ((void) 0)
#define pith_tsan_release(address) ((void) 0)
#endif
