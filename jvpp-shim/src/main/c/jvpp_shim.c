/*
 * The JNI side of io.jvppmux.shim.JvppShim: six byte-oriented calls over libvppapiclient (openVac0,
 * connect0, disconnect0, messageIndex0, write0, read0); every encode and decode stays in Java. Errors
 * are negative codes (vac_abi.h, shim_codes.h) that JvppShim turns into typed exceptions.
 *
 * Hazards guarded here (docs/PROTOCOL.md 2): vac_mem_init(0) once before the first vac_connect; the chroot
 * prefix string kept alive forever; no vac_write unless connected (it crashes otherwise); one
 * connection per process; vac_disconnect never while a write is inside vac_write.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "io_jvppmux_shim_JvppShim.h"
#include "shim.h"
#include "shim_codes.h"

struct shim_state shim = {.load_lock = PTHREAD_MUTEX_INITIALIZER};

/* How long connect waits for a disconnect still holding the lock before answering SHIM_BUSY. */
#define SHIM_LOCK_WAIT_SECONDS 2

static int init_conn_lock(void)
{
    pthread_rwlockattr_t attr;
    if (pthread_rwlockattr_init(&attr) != 0) {
        return -1;
    }
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    int rc = pthread_rwlock_init(&shim.conn_lock, &attr);
    pthread_rwlockattr_destroy(&attr);
    return rc;
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved)
{
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    shim.vm = vm;
    jclass local = (*env)->FindClass(env, "io/jvppmux/shim/ShimReceiver");
    if (local == NULL) {
        goto fail;
    }
    shim.receiver_class = (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (shim.receiver_class == NULL) {
        goto fail;
    }
    shim.claim = (*env)->GetMethodID(env, shim.receiver_class, "claim", "(I)Ljava/nio/ByteBuffer;");
    shim.publish = (*env)->GetMethodID(env, shim.receiver_class, "publish", "(I)V");
    if (shim.claim == NULL || shim.publish == NULL) {
        goto fail_class;
    }
    if (pthread_key_create(&shim.env_key, shim_rx_detach) != 0) {
        goto fail_class;
    }
    if (init_conn_lock() != 0) {
        goto fail_key;
    }
    return JNI_VERSION_1_8;
fail_key:
    pthread_key_delete(shim.env_key);
fail_class:
    (*env)->DeleteGlobalRef(env, shim.receiver_class);
    shim.receiver_class = NULL;
fail:
    return JNI_ERR;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved)
{
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return;
    }
    if (shim.receiver != NULL) {
        (*env)->DeleteGlobalRef(env, shim.receiver);
        shim.receiver = NULL;
    }
    (*env)->DeleteGlobalRef(env, shim.receiver_class);
    shim.receiver_class = NULL;
    pthread_key_delete(shim.env_key);
    pthread_rwlock_destroy(&shim.conn_lock);
}

JNIEXPORT jstring JNICALL Java_io_jvppmux_shim_JvppShim_openVac0(JNIEnv *env, jclass cls, jstring path)
{
    (void) cls;
    char err[512];
    const char *cpath = (*env)->GetStringUTFChars(env, path, NULL);
    if (cpath == NULL) {
        return NULL; /* OutOfMemoryError pending */
    }
    int rc = shim_vac_open(cpath, err, sizeof err);
    (*env)->ReleaseStringUTFChars(env, path, cpath);
    return rc == 0 ? NULL : (*env)->NewStringUTF(env, err);
}

static int lock_exclusive(void)
{
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += SHIM_LOCK_WAIT_SECONDS;
    return pthread_rwlock_timedwrlock(&shim.conn_lock, &deadline) == 0 ? 0 : -1;
}

/* name: at most 63 bytes reach VPP (memclnt_create's name[64]). */
static int copy_name(JNIEnv *env, jstring name, char out[64])
{
    const char *s = (*env)->GetStringUTFChars(env, name, NULL);
    if (s == NULL) {
        return -1;
    }
    strncpy(out, s, 63);
    out[63] = '\0';
    (*env)->ReleaseStringUTFChars(env, name, s);
    return 0;
}

/*
 * The chroot prefix for vac_connect: vac stores the pointer, not a copy, and keeps it across
 * connects (docs/PROTOCOL.md 2.3), so each distinct prefix is strdup'ed once and never freed, and the
 * default prefix (NULL) cannot follow a prefixed connect.
 */
static int keep_prefix(JNIEnv *env, jstring prefix, char **out)
{
    *out = NULL;
    const char *s = prefix == NULL ? NULL : (*env)->GetStringUTFChars(env, prefix, NULL);
    if (s == NULL || s[0] == '\0') {
        if (s != NULL) {
            (*env)->ReleaseStringUTFChars(env, prefix, s);
        }
        return shim.prefix == NULL ? SHIM_OK : SHIM_PREFIX_STICKY;
    }
    if (shim.prefix == NULL || strcmp(shim.prefix, s) != 0) {
        char *copy = strdup(s);
        if (copy == NULL) {
            (*env)->ReleaseStringUTFChars(env, prefix, s);
            return SHIM_NO_MEMORY;
        }
        shim.prefix = copy; /* the previous one stays allocated on purpose */
    }
    (*env)->ReleaseStringUTFChars(env, prefix, s);
    *out = shim.prefix;
    return SHIM_OK;
}

static void drop_receiver(JNIEnv *env)
{
    if (shim.receiver != NULL) {
        (*env)->DeleteGlobalRef(env, shim.receiver);
        shim.receiver = NULL;
    }
}

static int connect_locked(JNIEnv *env, char *name, char *prefix, jint rx_qlen, jboolean callback,
                          jobject receiver)
{
    if (shim.vac_up) {
        return SHIM_ALREADY_CONNECTED;
    }
    if (callback) {
        shim.receiver = (*env)->NewGlobalRef(env, receiver);
        if (shim.receiver == NULL) {
            return SHIM_NO_MEMORY;
        }
        atomic_store(&shim.rx_enabled, 1);
    }
    if (!shim.mem_initialized) {
        if (shim.vac.mem_init != NULL) {
            shim.vac.mem_init(0); /* once per process, or vac_connect aborts the process */
        }
        shim.mem_initialized = 1;
    }
    int rc = shim.vac.connect(name, prefix, callback ? shim_rx_callback : NULL, rx_qlen);
    if (rc != 0) {
        atomic_store(&shim.rx_enabled, 0);
        drop_receiver(env);
        return rc;
    }
    shim.vac_up = 1;
    shim.callback_mode = callback;
    atomic_store(&shim.writable, 1);
    return SHIM_OK;
}

JNIEXPORT jint JNICALL Java_io_jvppmux_shim_JvppShim_connect0(JNIEnv *env, jclass cls, jstring name,
        jstring prefix, jint rx_qlen, jboolean callback, jobject receiver)
{
    (void) cls;
    char cname[64];
    char *cprefix;
    if (!atomic_load(&shim.vac_loaded)) {
        return SHIM_NOT_LOADED;
    }
    if (name == NULL || rx_qlen <= 0 || (callback && receiver == NULL) || copy_name(env, name, cname) != 0) {
        return SHIM_BAD_ARGUMENT;
    }
    if (lock_exclusive() != 0) {
        return SHIM_BUSY;
    }
    int rc = keep_prefix(env, prefix, &cprefix);
    if (rc == SHIM_OK) {
        rc = connect_locked(env, cname, cprefix, rx_qlen, callback, receiver);
    }
    pthread_rwlock_unlock(&shim.conn_lock);
    return rc;
}

/*
 * Blocks until no write is inside vac_write (which can block forever on a dead VPP: docs/PROTOCOL.md 2.5),
 * then disconnects (up to 7 s, or forever on a full queue: 2.10). Java calls it on a sacrificial
 * thread with a bound, never on the rx thread.
 */
JNIEXPORT jint JNICALL Java_io_jvppmux_shim_JvppShim_disconnect0(JNIEnv *env, jclass cls)
{
    (void) cls;
    atomic_store(&shim.writable, 0);
    pthread_rwlock_wrlock(&shim.conn_lock);
    int rc = SHIM_OK;
    if (shim.vac_up) {
        atomic_store(&shim.rx_enabled, 0);
        rc = shim.vac.disconnect();
        shim.vac_up = 0;
        drop_receiver(env);
    }
    pthread_rwlock_unlock(&shim.conn_lock);
    return rc;
}

JNIEXPORT jint JNICALL Java_io_jvppmux_shim_JvppShim_messageIndex0(JNIEnv *env, jclass cls, jstring name)
{
    (void) cls;
    if (!atomic_load(&shim.vac_loaded)) {
        return SHIM_NOT_LOADED;
    }
    const char *s = (*env)->GetStringUTFChars(env, name, NULL);
    if (s == NULL) {
        return SHIM_NO_MEMORY;
    }
    pthread_rwlock_rdlock(&shim.conn_lock);
    int rc = shim.vac_up ? shim.vac.get_msg_index((char *) s) : VAC_NOT_CONNECTED;
    pthread_rwlock_unlock(&shim.conn_lock);
    (*env)->ReleaseStringUTFChars(env, name, s);
    return rc;
}

/* Writes len bytes of a direct buffer from offset; vac copies them into shared memory. */
JNIEXPORT jint JNICALL Java_io_jvppmux_shim_JvppShim_write0(JNIEnv *env, jclass cls, jobject buf,
        jint offset, jint len)
{
    (void) cls;
    char *base = buf == NULL ? NULL : (*env)->GetDirectBufferAddress(env, buf);
    jlong cap = base == NULL ? -1 : (*env)->GetDirectBufferCapacity(env, buf);
    if (base == NULL || offset < 0 || len < SHIM_MIN_WRITE || len > SHIM_MAX_WRITE
            || (jlong) offset + len > cap) {
        return SHIM_BAD_ARGUMENT;
    }
    if (!atomic_load(&shim.writable)) {
        return VAC_NOT_CONNECTED;
    }
    pthread_rwlock_rdlock(&shim.conn_lock);
    int rc = shim.vac_up && atomic_load(&shim.writable) ? shim.vac.write(base + offset, len) : VAC_NOT_CONNECTED;
    pthread_rwlock_unlock(&shim.conn_lock);
    return rc;
}

/*
 * vac_read mode (connected without callback): waits up to timeout seconds (0 = forever) for one
 * message and delivers it to receiver. 1: delivered; VAC_TIMEOUT: nothing (or an internal message).
 */
JNIEXPORT jint JNICALL Java_io_jvppmux_shim_JvppShim_read0(JNIEnv *env, jclass cls, jobject receiver,
        jint timeout)
{
    (void) cls;
    if (receiver == NULL || timeout < 0 || timeout > 0xffff) {
        return SHIM_BAD_ARGUMENT;
    }
    pthread_rwlock_rdlock(&shim.conn_lock);
    int rc = !shim.vac_up ? VAC_NOT_CONNECTED : shim.callback_mode ? SHIM_WRONG_MODE : 0;
    if (rc == 0) {
        char *data = NULL;
        int len = 0;
        rc = shim.vac.read(&data, &len, (unsigned short) timeout);
        if (rc == 0) {
            shim_deliver(env, receiver, (const unsigned char *) data, len, data);
            rc = 1;
        }
    }
    pthread_rwlock_unlock(&shim.conn_lock);
    return rc;
}
