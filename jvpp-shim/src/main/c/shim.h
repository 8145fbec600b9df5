/*
 * The shim's process-wide state and the functions its files share. libvppapiclient keeps one
 * connection per process in globals (docs/PROTOCOL.md 2.1), so the shim does too.
 */
#ifndef JVPP_SHIM_H
#define JVPP_SHIM_H

#include <jni.h>
#include <pthread.h>
#include <stdatomic.h>
#include "vac_abi.h"

/* Name of the native rx thread once attached. keep in sync with ShimReceiver.RX_THREAD_NAME */
#define SHIM_RX_THREAD_NAME "jvppmux-shm-rx"

struct shim_state {
    JavaVM *vm;
    jclass receiver_class;   /* global ref to io.jvppmux.shim.ShimReceiver */
    jmethodID claim;         /* ByteBuffer ShimReceiver.claim(int) */
    jmethodID publish;       /* void ShimReceiver.publish(int) */
    pthread_key_t env_key;   /* the rx thread's JNIEnv; its destructor detaches the thread */

    pthread_mutex_t load_lock;
    struct vac_api vac;
    atomic_int vac_loaded;

    /* Shared by write/read/message index, exclusive for connect/disconnect (prefers writers). */
    pthread_rwlock_t conn_lock;
    int vac_up;              /* vac_connect succeeded, no vac_disconnect since; under conn_lock */
    int callback_mode;       /* under conn_lock */
    int mem_initialized;     /* vac_mem_init(0) done; under conn_lock */
    char *prefix;            /* chroot prefix handed to vac: never freed, vac keeps the pointer */
    jobject receiver;        /* global ref used by the rx callback; set before vac_connect */
    atomic_int writable;     /* cleared first by disconnect so that new writes fail fast */
    atomic_int rx_enabled;   /* the callback hands messages to Java only while set */
};

extern struct shim_state shim;

/* vac_lib.c: opens libvppapiclient at path; 0 or -1 with a message in err. */
int shim_vac_open(const char *path, char *err, size_t err_len);

/* shim_rx.c */
void shim_rx_callback(unsigned char *data, int len);
void shim_rx_detach(void *env);
void shim_deliver(JNIEnv *env, jobject receiver, const unsigned char *data, int len, void *to_free);

#endif
