/*
 * Return codes of the shim's native calls besides libvppapiclient's own (vac_abi.h): every one is
 * negative. keep in sync with jvpp-shim/src/main/java/io/jvppmux/shim/ShimCodes.java
 */
#ifndef JVPP_SHIM_CODES_H
#define JVPP_SHIM_CODES_H

#define SHIM_OK 0
#define SHIM_NOT_LOADED (-100)        /* libvppapiclient is not loaded */
#define SHIM_ALREADY_CONNECTED (-101) /* one connection per process (docs/PROTOCOL.md 2.1, 2.3) */
#define SHIM_BAD_ARGUMENT (-102)      /* not a direct buffer, range outside it, length out of bounds */
#define SHIM_NO_MEMORY (-103)
#define SHIM_WRONG_MODE (-104)        /* read0 while libvppapiclient's rx thread owns the queue */
#define SHIM_BUSY (-105)              /* a connect or disconnect is still running */
#define SHIM_PREFIX_STICKY (-106)     /* default prefix asked after a prefixed connect (docs/PROTOCOL.md 2.3) */

/* Smallest message vac_write accepts: it overwrites bytes 2..5. keep in sync with ShimCodes.java */
#define SHIM_MIN_WRITE 6
/* Largest: a failed allocation in the API segment aborts the process (docs/PROTOCOL.md 2.5, 7.3).
 * keep in sync with ShimCodes.java */
#define SHIM_MAX_WRITE (1 << 20)

#endif
