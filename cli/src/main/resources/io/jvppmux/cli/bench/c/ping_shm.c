/*
 * The C baseline of `jvppmux bench --shm --c-baseline`: control_ping over shared memory through VPP's own
 * libvppapiclient, callback mode (its rx thread hands each message to a callback), as a C client does it.
 * Connects (vac_mem_init, vac_connect), then takes commands on stdin, one a line, and answers on stdout:
 *
 *   sync N        N round trips, one request in flight      -> "done <nanoseconds>"
 *   async N W     N requests, up to W in flight              -> "done <nanoseconds>"
 *   quit          vac_disconnect, exit 0
 *
 * Every reply is checked (context in order, retval 0); memclnt_keepalive is answered. Errors: one line on
 * stderr, exit 1.
 *
 * Build (VPP's headers and library; a VPP install has them in /usr/include and /usr/lib/x86_64-linux-gnu):
 *   gcc -O2 -o ping_shm ping_shm.c -I VPP/include VPP/lib/libvppapiclient.so -Wl,-rpath,VPP/lib -lpthread
 * Run: ./ping_shm SHM_PREFIX [CLIENT_NAME]      (an empty prefix for VPP's default)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <signal.h>
#include <time.h>
#include <vpp-api/client/vppapiclient.h>

static int ping_id, reply_id, keepalive_id, keepalive_reply_id;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t moved = PTHREAD_COND_INITIALIZER;
/* Guarded by lock. */
static long replies;
static uint32_t expected = 1;
static int bad;

static void die(const char *what, int rv) {
  fprintf(stderr, "ping_shm: %s (%d)\n", what, rv);
  exit(1);
}

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + t.tv_nsec;
}

static uint32_t be32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return ntohl(v); }

/* libvppapiclient's rx thread: count replies, answer keepalives; never blocks for long. */
static void on_message(unsigned char *data, int len) {
  if (len < 2) return;
  uint16_t id;
  memcpy(&id, data, 2);
  id = ntohs(id);
  if (id == keepalive_id && len >= 6) {
    unsigned char r[10];
    uint16_t rid = htons((uint16_t)keepalive_reply_id);
    memcpy(r, &rid, 2);
    memcpy(r + 2, data + 2, 4); /* context, copied verbatim */
    memset(r + 6, 0, 4);        /* retval 0 */
    vac_write((char *)r, sizeof r);
    return;
  }
  if (id != reply_id || len < 10) return;
  pthread_mutex_lock(&lock);
  if (be32(data + 2) != expected || be32(data + 6) != 0) bad = 1;
  expected++;
  replies++;
  pthread_cond_signal(&moved);
  pthread_mutex_unlock(&lock);
}

static int id_of(const char *name_crc) {
  int id = vac_get_msg_index((char *)name_crc);
  if (id <= 0) die(name_crc, id);
  return id;
}

static void send_ping(uint32_t context) {
  unsigned char m[10];
  uint16_t id = htons((uint16_t)ping_id);
  uint32_t c = htonl(context);
  memcpy(m, &id, 2);
  memset(m + 2, 0, 4); /* client_index: vac_write fills it in */
  memcpy(m + 6, &c, 4);
  int rv = vac_write((char *)m, sizeof m);
  if (rv) die("vac_write failed", rv);
}

/* Waits until at least `target` replies came, 10 s at most. */
static void await_replies(long target) {
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += 10;
  pthread_mutex_lock(&lock);
  while (replies < target) {
    if (pthread_cond_timedwait(&moved, &lock, &until) == ETIMEDOUT) {
      pthread_mutex_unlock(&lock);
      die("no control_ping_reply within 10 s", (int)replies);
    }
  }
  int b = bad;
  pthread_mutex_unlock(&lock);
  if (b) die("a control_ping_reply out of order or with a non-zero retval", 0);
}

static void run(long n, long window) {
  pthread_mutex_lock(&lock);
  long base = replies;
  uint32_t next = expected;
  pthread_mutex_unlock(&lock);
  uint64_t t0 = now_ns();
  for (long i = 0; i < n; i++) {
    if (i >= window) await_replies(base + i - window + 1);
    send_ping(next++);
  }
  await_replies(base + n);
  printf("done %llu\n", (unsigned long long)(now_ns() - t0));
  fflush(stdout);
}

int main(int argc, char **argv) {
  prctl(PR_SET_PDEATHSIG, SIGTERM); /* ends with the bench that started it */
  if (argc < 2) {
    fprintf(stderr, "usage: ping_shm SHM_PREFIX [CLIENT_NAME]\n");
    return 2;
  }
  char *prefix = argv[1][0] ? strdup(argv[1]) : NULL; /* kept for the process's life: vac keeps the pointer */
  vac_mem_init(0);
  int rv = vac_connect(argc > 2 ? argv[2] : "jvppmux-c-baseline", prefix, on_message, 1024);
  if (rv) die("vac_connect failed (is VPP running with this api-segment prefix?)", rv);
  ping_id = id_of("control_ping_51077d14");
  reply_id = id_of("control_ping_reply_f6b0b8ca");
  keepalive_id = id_of("memclnt_keepalive_51077d14");
  keepalive_reply_id = id_of("memclnt_keepalive_reply_e8d4e804");
  printf("ready\n");
  fflush(stdout);
  char line[128];
  while (fgets(line, sizeof line, stdin)) {
    long n = 0, w = 0;
    if (sscanf(line, "sync %ld", &n) == 1 && n > 0) {
      run(n, 1);
    } else if (sscanf(line, "async %ld %ld", &n, &w) == 2 && n > 0 && w > 0) {
      run(n, w);
    } else if (strncmp(line, "quit", 4) == 0) {
      break;
    } else {
      fprintf(stderr, "ping_shm: unknown command: %s", line);
      return 2;
    }
  }
  vac_disconnect();
  return 0;
}
