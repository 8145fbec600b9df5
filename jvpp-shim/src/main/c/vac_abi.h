/*
 * The part of libvppapiclient's ABI the shim uses, declared here so that the shim builds on a machine
 * without VPP (src/vpp-api/client/vppapiclient.h, docs/PROTOCOL.md 2.1). The library itself is opened at run
 * time with dlopen (vac_lib.c).
 */
#ifndef JVPP_VAC_ABI_H
#define JVPP_VAC_ABI_H

#include <stddef.h>

/* vac_errno_t of vppapiclient.h. keep in sync with ShimCodes.java */
#define VAC_SVM_QUEUE_SUB_1 (-1)
#define VAC_SVM_QUEUE_SUB_2 (-2)
#define VAC_NOT_CONNECTED (-3)
#define VAC_SHM_NOT_READY (-4)
#define VAC_TIMEOUT (-5)

typedef void (*vac_callback_t)(unsigned char *data, int len);

typedef int (*vac_connect_fn)(char *name, char *chroot_prefix, vac_callback_t cb, int rx_qlen);
typedef int (*vac_disconnect_fn)(void);
typedef int (*vac_read_fn)(char **data, int *len, unsigned short timeout);
typedef int (*vac_write_fn)(char *data, int len);
typedef void (*vac_free_fn)(void *msg);
typedef int (*vac_get_msg_index_fn)(char *name);
typedef void (*vac_mem_init_fn)(size_t size);

/* The resolved entry points; mem_init may be NULL (libraries older than vac_mem_init). */
struct vac_api {
    vac_connect_fn connect;
    vac_disconnect_fn disconnect;
    vac_read_fn read;
    vac_write_fn write;
    vac_free_fn free;
    vac_get_msg_index_fn get_msg_index;
    vac_mem_init_fn mem_init;
};

#endif
