/* pith-float4-private.h: four floats at a time
 *
 * The decoder's rows of 9 transition scores are added up as two vectors
 * of four and one float. GCC and Clang compile these vector types to the
 * machine's own (SSE on x86-64, NEON on AArch64) or, failing that, to
 * scalar code; the sums are the same floats either way, lane by lane.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

#ifdef __SSE__
#include <xmmintrin.h>
#endif

G_BEGIN_DECLS

/* A function built for AVX2 as well as for the baseline, the one the
 * machine has chosen when the library loads (an ifunc): the 17 tags' sums
 * and the decoder's vectors take half the instructions. The sums are the
 * same floats either way, added in the same order. Not under
 * ThreadSanitizer, whose instrumented resolver runs before its runtime
 * is up and crashes the loader. */
#if defined(__SANITIZE_THREAD__)
#define PITH_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PITH_THREAD_SANITIZER 1
#endif
#endif

#if defined(HAVE_AVX2_CLONES) && !defined(PITH_THREAD_SANITIZER)
#define PITH_AVX2_CLONES __attribute__ ((target_clones ("avx2", "default")))
#else
#define PITH_AVX2_CLONES
#endif

typedef float PithFloat4 __attribute__ ((vector_size (16)));
typedef gint32 PithInt4 __attribute__ ((vector_size (16)));

/* Four floats from anywhere: rows start at any float. */
static inline PithFloat4
pith_float4_load (const float *floats)
{
  PithFloat4 vector;

  memcpy (&vector, floats, sizeof vector);
  return vector;
}

static inline void
pith_float4_store (float      *floats,
                   PithFloat4  vector)
{
  memcpy (floats, &vector, sizeof vector);
}

static inline PithFloat4
pith_float4_splat (float value)
{
  return (PithFloat4) { value, value, value, value };
}

/* Lane by lane, @a where @a > @b, else @b: MAX (a, b) of each lane. */
static inline PithFloat4
pith_float4_max (PithFloat4 a,
                 PithFloat4 b)
{
  PithInt4 a_wins = a > b;

  return (PithFloat4) (((PithInt4) a & a_wins) | ((PithInt4) b & ~a_wins));
}

/* The greatest of the four lanes. */
static inline float
pith_float4_top (PithFloat4 vector)
{
  return MAX (MAX (vector[0], vector[1]), MAX (vector[2], vector[3]));
}

/* A bit for each lane equal to @value: bit 0 for lane 0, and so on. */
static inline guint
pith_float4_equal_lanes (PithFloat4 vector,
                         float      value)
{
  PithInt4 equal = vector == pith_float4_splat (value);

#ifdef __SSE__
  return (guint) _mm_movemask_ps ((__m128) equal);
#else
  return (equal[0] & 1u) | (equal[1] & 2u) | (equal[2] & 4u) | (equal[3] & 8u);
#endif
}

G_END_DECLS
