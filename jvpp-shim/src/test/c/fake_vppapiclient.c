/*
 * A TEST-ONLY libvppapiclient.so: the vac_* ABI (docs/PROTOCOL.md 2.1) behaving as VPP's client library does,
 * but speaking VPP's SOCKET protocol (docs/PROTOCOL.md 3) to mock-vpp's socket server instead of mapping VPP's
 * shared memory, so that Java -> JNI -> shim -> "libvppapiclient" -> VPP and back through the rx thread
 * runs in every build without VPP.
 *
 * Where it connects: $JVPPMUX_FAKE_VAC_SOCKET when set, else the socket path written in the file
 * /dev/shm/[<prefix>-]vpe-api, the file the real library maps; so the chroot prefix and the transport's
 * /dev/shm checks are exercised too. A missing file fails at once with -2 (the real one polls ~100 s).
 *
 * Behaviour kept from the real library (src/vpp-api/client/client.c):
 *  - vac_connect aborts the process unless vac_mem_init ran first ("Verified on a live VPP");
 *  - the chroot prefix pointer is stored, not copied, and reused by later connects (2.3);
 *  - one connection per process; a second vac_connect fails with -1 (the real one unmaps the live one);
 *  - callback mode: one rx pthread calls cb(data, len) and frees data after the callback returns (2.4);
 *    no callback: vac_read with whole-second timeouts (0 = forever), VAC_TIMEOUT on timeout (2.6);
 *  - memclnt_keepalive is handed to the callback / vac_read like any message (2.9);
 *  - vac_write copies the message and overwrites bytes 2..5 with the client index (2.5), and crashes when
 *    not connected (here: abort with a message, so that a missing guard in the shim fails a test loudly);
 *  - vac_get_msg_index("name_crc") -> id or -1 from the table of the last connect (2.8);
 *  - after the peer is gone nothing is reported: writes return 0, the callback stops, reads time out (7.1);
 *  - vac_disconnect stops the rx thread (5 s, then pthread_cancel), says goodbye and waits up to 2 s for
 *    the answer, and always returns 0 (2.10).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define VAC_NOT_CONNECTED (-3)
#define VAC_TIMEOUT (-5)
#define SOCKCLNT_CREATE_ID 15
#define SOCKCLNT_CREATE_REPLY_ID 16
#define FRAME_HEADER 16
#define TABLE_ENTRY 66
#define MAX_FRAME (64 << 20)
#define HANDSHAKE_CONTEXT 0x6a766d78u

typedef void (*vac_callback_t)(unsigned char *data, int len);
typedef void (*vac_error_callback_t)(void *, unsigned char *, int);

struct entry {
    uint16_t id;
    char name[64];
};

static struct {
    pthread_mutex_t lock; /* connect / disconnect */
    pthread_mutex_t write_lock;
    int mem_initialized;
    atomic_int connected;
    atomic_int peer_gone;
    int fd;
    int wake[2]; /* tells the rx thread to exit, like RX_THREAD_EXIT */
    uint32_t client_index;
    char *prefix;
    struct entry *table;
    int table_len;
    int max_index;
    vac_callback_t cb;
    pthread_t rx;
    int rx_running;
} vac = {.lock = PTHREAD_MUTEX_INITIALIZER, .write_lock = PTHREAD_MUTEX_INITIALIZER, .fd = -1, .wake = {-1, -1}};

static void put16(unsigned char *p, uint16_t v) { v = htons(v); memcpy(p, &v, 2); }
static void put32(unsigned char *p, uint32_t v) { v = htonl(v); memcpy(p, &v, 4); }
static uint16_t get16(const unsigned char *p) { uint16_t v; memcpy(&v, p, 2); return ntohs(v); }
static uint32_t get32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return ntohl(v); }

static int read_all(int fd, void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return -1;
        }
        p += r;
        n -= (size_t) r;
    }
    return 0;
}

static int write_all(int fd, const void *buf, size_t n)
{
    const unsigned char *p = buf;
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL); /* never SIGPIPE: that would kill the JVM */
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return -1;
        }
        p += w;
        n -= (size_t) w;
    }
    return 0;
}

/* One frame's message (16-byte header, docs/PROTOCOL.md 3.1), malloc'ed; NULL on EOF or a bad length. */
static unsigned char *read_frame(int fd, int *len)
{
    unsigned char header[FRAME_HEADER];
    if (read_all(fd, header, sizeof header) != 0) {
        return NULL;
    }
    uint32_t n = get32(header + 8);
    unsigned char *msg = n > MAX_FRAME ? NULL : malloc(n > 0 ? n : 1);
    if (msg == NULL || read_all(fd, msg, n) != 0) {
        free(msg);
        return NULL;
    }
    *len = (int) n;
    return msg;
}

/* msg is copied into a frame: the caller's buffer is free again on return. */
static int send_frame(const unsigned char *msg, int len, int overwrite_index)
{
    unsigned char *frame = calloc(1, (size_t) len + FRAME_HEADER);
    if (frame == NULL) {
        return -1;
    }
    put32(frame + 8, (uint32_t) len);
    memcpy(frame + FRAME_HEADER, msg, (size_t) len);
    if (overwrite_index) {
        /* vac_write overwrites bytes 2..5 of every message with my_client_index in HOST order (the shm
         * handle). VPP's socket server expects its socket index BIG-ENDIAN there (docs/PROTOCOL.md 3.2), so the
         * fake writes it big-endian. */
        put32(frame + FRAME_HEADER + 2, vac.client_index);
    }
    pthread_mutex_lock(&vac.write_lock);
    int rc = write_all(vac.fd, frame, (size_t) len + FRAME_HEADER);
    pthread_mutex_unlock(&vac.write_lock);
    free(frame);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct entry *) a)->name, ((const struct entry *) b)->name);
}

/* sockclnt_create_reply: u16 id; u32 client_index; u32 context; i32 response; u32 index; u16 count; entries */
static int parse_create_reply(const unsigned char *r, int len)
{
    if (len < 20 || get16(r) != SOCKCLNT_CREATE_REPLY_ID || get32(r + 6) != HANDSHAKE_CONTEXT || get32(r + 10) != 0) {
        return -1;
    }
    int count = get16(r + 18);
    if (20 + count * TABLE_ENTRY > len || (vac.table = calloc((size_t) count + 1, sizeof *vac.table)) == NULL) {
        return -1;
    }
    vac.client_index = get32(r + 14);
    vac.max_index = 0;
    for (int i = 0; i < count; i++) {
        const unsigned char *e = r + 20 + i * TABLE_ENTRY;
        vac.table[i].id = get16(e);
        memcpy(vac.table[i].name, e + 2, 63);
        vac.max_index = vac.table[i].id > vac.max_index ? vac.table[i].id : vac.max_index;
    }
    vac.table_len = count;
    qsort(vac.table, (size_t) count, sizeof *vac.table, by_name);
    return 0;
}

static int handshake(const char *name)
{
    unsigned char req[70] = {0};
    put16(req, SOCKCLNT_CREATE_ID);
    put32(req + 2, HANDSHAKE_CONTEXT);
    strncpy((char *) req + 6, name, 63);
    int len = 0;
    unsigned char *reply = send_frame(req, sizeof req, 0) == 0 ? read_frame(vac.fd, &len) : NULL;
    int rc = reply != NULL ? parse_create_reply(reply, len) : -1;
    free(reply);
    return rc;
}

static int socket_path(char *out, size_t n)
{
    const char *env = getenv("JVPPMUX_FAKE_VAC_SOCKET");
    if (env != NULL && env[0] != '\0') {
        snprintf(out, n, "%s", env);
        return 0;
    }
    char file[320];
    snprintf(file, sizeof file, vac.prefix != NULL ? "/dev/shm/%s-vpe-api" : "/dev/shm/vpe-api%s",
             vac.prefix != NULL ? vac.prefix : "");
    FILE *f = fopen(file, "r");
    if (f == NULL) {
        fprintf(stderr, "fake libvppapiclient: cannot open %s: %s\n", file, strerror(errno));
        return -1;
    }
    char *line = fgets(out, (int) n, f);
    fclose(f);
    if (line == NULL) {
        return -1;
    }
    out[strcspn(out, "\r\n")] = '\0';
    return 0;
}

/* -2 where the real library fails to map VPP's memory, -1 where memclnt_create fails. */
static int open_connection(const char *name)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (socket_path(addr.sun_path, sizeof addr.sun_path) != 0) {
        return -2;
    }
    vac.fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (vac.fd < 0 || connect(vac.fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
        fprintf(stderr, "fake libvppapiclient: cannot connect to %s: %s\n", addr.sun_path, strerror(errno));
        return -2;
    }
    return handshake(name);
}

static void *rx_main(void *arg)
{
    (void) arg;
    struct pollfd p[2] = {{.fd = vac.fd, .events = POLLIN}, {.fd = vac.wake[0], .events = POLLIN}};
    for (;;) {
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (p[1].revents != 0) {
            break; /* vac_disconnect */
        }
        int len = 0;
        unsigned char *msg = read_frame(vac.fd, &len);
        if (msg == NULL) {
            /* VPP gone: the real rx thread just waits on its queue; so does this one, for disconnect */
            atomic_store(&vac.peer_gone, 1);
            poll(&p[1], 1, -1);
            break;
        }
        vac.cb(msg, len);
        free(msg); /* freed by the library after the callback returns, as vac does */
    }
    return NULL;
}

static int start_rx(vac_callback_t cb)
{
    if (pipe2(vac.wake, O_CLOEXEC) != 0) {
        return -1;
    }
    vac.cb = cb;
    if (pthread_create(&vac.rx, NULL, rx_main, NULL) != 0) {
        return -1;
    }
    vac.rx_running = 1;
    return 0;
}

static void close_all(void)
{
    if (vac.fd >= 0) {
        close(vac.fd);
    }
    for (int i = 0; i < 2; i++) {
        if (vac.wake[i] >= 0) {
            close(vac.wake[i]);
        }
        vac.wake[i] = -1;
    }
    vac.fd = -1;
    free(vac.table);
    vac.table = NULL;
    vac.table_len = 0;
    vac.max_index = 0;
    atomic_store(&vac.peer_gone, 0);
}

void vac_mem_init(size_t size)
{
    (void) size;
    vac.mem_initialized = 1;
}

int vac_connect(char *name, char *chroot_prefix, vac_callback_t cb, int rx_qlen)
{
    if (!vac.mem_initialized) {
        fprintf(stderr, "fake libvppapiclient: Assertion 'clib_mem_get_heap ()' failed: vac_mem_init not called\n");
        abort();
    }
    pthread_mutex_lock(&vac.lock);
    int rc = atomic_load(&vac.connected) || rx_qlen <= 0 || name == NULL ? -1 : 0;
    if (rc == 0) {
        if (chroot_prefix != NULL) {
            vac.prefix = chroot_prefix; /* the pointer, not a copy: vl_set_memory_root_path */
        }
        rc = open_connection(name);
    }
    if (rc == 0 && cb != NULL) {
        rc = start_rx(cb);
    }
    if (rc == 0) {
        atomic_store(&vac.connected, 1);
    } else if (!atomic_load(&vac.connected)) {
        close_all();
    }
    pthread_mutex_unlock(&vac.lock);
    return rc;
}

static int lookup(const char *name)
{
    struct entry key;
    snprintf(key.name, sizeof key.name, "%s", name);
    struct entry *e = vac.table == NULL ? NULL
            : bsearch(&key, vac.table, (size_t) vac.table_len, sizeof *vac.table, by_name);
    return e != NULL ? e->id : -1;
}

static void stop_rx(void)
{
    if (!vac.rx_running) {
        return;
    }
    if (write(vac.wake[1], "x", 1) != 1) {
        fprintf(stderr, "fake libvppapiclient: cannot wake the rx thread\n");
    }
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 5;
    if (pthread_timedjoin_np(vac.rx, NULL, &deadline) != 0) {
        fprintf(stderr, "fake libvppapiclient: rx thread did not exit in 5 s, cancelling it\n");
        pthread_cancel(vac.rx);
        pthread_join(vac.rx, NULL);
    }
    vac.rx_running = 0;
}

/* sockclnt_delete, then up to 2 s for its reply, dropping whatever else arrives (like memclnt_delete). */
static void say_goodbye(void)
{
    int id = lookup("sockclnt_delete_8ac76db6");
    int reply_id = lookup("sockclnt_delete_reply_8f38b1ee");
    unsigned char msg[14] = {0};
    put16(msg, (uint16_t) id);
    put32(msg + 6, HANDSHAKE_CONTEXT + 1);
    put32(msg + 10, vac.client_index);
    if (id < 0 || atomic_load(&vac.peer_gone) || send_frame(msg, sizeof msg, 1) != 0) {
        return;
    }
    struct pollfd p = {.fd = vac.fd, .events = POLLIN};
    for (int waited = 0; waited < 2000 && poll(&p, 1, 100) >= 0; waited += 100) {
        int len = 0;
        unsigned char *m = (p.revents & POLLIN) != 0 ? read_frame(vac.fd, &len) : NULL;
        int done = (p.revents & POLLIN) != 0 && (m == NULL || (len >= 2 && get16(m) == reply_id));
        free(m);
        if (done) {
            return;
        }
    }
}

int vac_disconnect(void)
{
    pthread_mutex_lock(&vac.lock);
    if (atomic_load(&vac.connected)) {
        stop_rx();
        say_goodbye();
        atomic_store(&vac.connected, 0);
        close_all();
    }
    pthread_mutex_unlock(&vac.lock);
    return 0;
}

int vac_write(char *p, int l)
{
    if (!atomic_load(&vac.connected)) {
        fprintf(stderr, "fake libvppapiclient: vac_write while not connected: the real library dereferences "
                        "a NULL shared-memory header here and crashes (docs/PROTOCOL.md 2.5)\n");
        abort();
    }
    if (p == NULL || l < 6) {
        fprintf(stderr, "fake libvppapiclient: vac_write of %d bytes: bytes 2..5 would be written past it\n", l);
        abort();
    }
    if (send_frame((const unsigned char *) p, l, 1) != 0) {
        atomic_store(&vac.peer_gone, 1); /* the real one keeps returning 0 into an orphaned queue */
    }
    return 0;
}

/* Waits in whole seconds (the real one waits until now.tv_sec + timeout: a bit less). */
int vac_read(char **p, int *l, unsigned short timeout)
{
    if (!atomic_load(&vac.connected)) {
        return VAC_NOT_CONNECTED;
    }
    if (vac.rx_running) {
        fprintf(stderr, "fake libvppapiclient: vac_read while the rx thread runs (the real one races it)\n");
        return -1;
    }
    struct pollfd pfd = {.fd = vac.fd, .events = POLLIN};
    int ready = atomic_load(&vac.peer_gone) ? 0 : poll(&pfd, 1, timeout == 0 ? -1 : timeout * 1000);
    if (ready <= 0) {
        if (atomic_load(&vac.peer_gone)) {
            poll(NULL, 0, timeout == 0 ? -1 : timeout * 1000); /* nothing will ever come */
        }
        return VAC_TIMEOUT;
    }
    unsigned char *msg = read_frame(vac.fd, l);
    if (msg == NULL) {
        atomic_store(&vac.peer_gone, 1);
        return VAC_TIMEOUT;
    }
    *p = (char *) msg;
    return 0;
}

void vac_free(void *msg)
{
    free(msg);
}

int vac_get_msg_index(char *name)
{
    return name == NULL ? -1 : lookup(name);
}

int vac_msg_table_size(void)
{
    return vac.table_len;
}

int vac_msg_table_max_index(void)
{
    return vac.max_index;
}

/* No-ops here: nothing in the shim competes with the rx thread. */
void vac_rx_suspend(void)
{
}

void vac_rx_resume(void)
{
}

void vac_set_error_handler(vac_error_callback_t cb)
{
    (void) cb;
}
