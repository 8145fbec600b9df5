/*
 * The C baseline of `jvppmux bench --socket PATH --c-baseline`: control_ping over VPP's API socket, as a
 * plain C client does it (libc only). Connects and registers (sockclnt_create, id 15), then takes commands
 * on stdin, one a line, and answers each on stdout:
 *
 *   sync N        N round trips, one request in flight      -> "done <nanoseconds>"
 *   async N W     N requests, up to W in flight              -> "done <nanoseconds>"
 *   quit          sockclnt_delete, exit 0
 *
 * One write() per request; each read() takes whatever the socket holds (up to 256 KiB) and every whole frame
 * in it. Every reply is checked (id, context in order, retval 0). Errors: one line on stderr, exit 1.
 *
 * Build: gcc -O2 -o ping_socket ping_socket.c      Run: ./ping_socket /run/vpp/api.sock [client-name]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define HDR 16
#define RXCAP (256 * 1024)

static int fd;
static uint8_t *rx;
static size_t rx_have;
static uint16_t ping_id, reply_id, delete_id = 17;
static uint32_t client_index;

static void die(const char *what) {
  fprintf(stderr, "ping_socket: %s%s%s\n", what, errno ? ": " : "", errno ? strerror(errno) : "");
  exit(1);
}

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + t.tv_nsec;
}

static void write_all(const uint8_t *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      die("write to VPP failed");
    }
    p += w;
    n -= (size_t)w;
  }
}

static void send_frame(const uint8_t *msg, uint32_t len) {
  uint8_t f[HDR + 128];
  memset(f, 0, HDR);
  uint32_t be = htonl(len);
  memcpy(f + 8, &be, 4);
  memcpy(f + HDR, msg, len);
  write_all(f, HDR + len);
}

/* One read of whatever the socket holds (blocking until something comes). */
static void fill(void) {
  if (rx_have == RXCAP) die("a frame larger than the read buffer");
  ssize_t r;
  do {
    r = read(fd, rx + rx_have, RXCAP - rx_have);
  } while (r < 0 && errno == EINTR);
  if (r < 0) die("read from VPP failed");
  if (r == 0) { errno = 0; die("VPP closed the socket"); }
  rx_have += (size_t)r;
}

/* The data_len of the frame at the front, or -1 when its header is not complete yet. */
static long front_len(void) {
  if (rx_have < HDR) return -1;
  uint32_t be;
  memcpy(&be, rx + 8, 4);
  return (long)ntohl(be);
}

static void consume(size_t n) {
  memmove(rx, rx + n, rx_have - n);
  rx_have -= n;
}

static uint32_t be32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return ntohl(v); }
static uint16_t be16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return ntohs(v); }

static void handshake(const char *name) {
  uint8_t m[70];
  memset(m, 0, sizeof m);
  uint16_t id = htons(15);
  memcpy(m, &id, 2);
  uint32_t ctx = htonl(0x7a3b);
  memcpy(m + 2, &ctx, 4);
  strncpy((char *)m + 6, name, 63);
  send_frame(m, sizeof m);
  long len;
  while ((len = front_len()) < 0 || rx_have < (size_t)(HDR + len)) {
    if (len > RXCAP - HDR) die("sockclnt_create_reply larger than the read buffer");
    fill();
  }
  const uint8_t *r = rx + HDR;
  if (be16(r) != 16) { errno = 0; die("the first message is not sockclnt_create_reply (id 16)"); }
  if ((int32_t)be32(r + 10) != 0) { errno = 0; die("VPP refused sockclnt_create"); }
  client_index = be32(r + 14);
  uint16_t count = be16(r + 18);
  for (int i = 0; i < count; i++) {
    const uint8_t *e = r + 20 + 66 * i;
    char n[65];
    memcpy(n, e + 2, 64);
    n[64] = 0;
    if (strcmp(n, "control_ping_51077d14") == 0) ping_id = be16(e);
    if (strcmp(n, "control_ping_reply_f6b0b8ca") == 0) reply_id = be16(e);
    if (strcmp(n, "sockclnt_delete_8ac76db6") == 0) delete_id = be16(e);
  }
  if (!ping_id || !reply_id) { errno = 0; die("VPP's table lacks control_ping_51077d14 or its reply"); }
  consume(HDR + len);
}

static void send_ping(uint32_t context) {
  uint8_t m[10];
  uint16_t id = htons(ping_id);
  uint32_t ci = htonl(client_index), c = htonl(context);
  memcpy(m, &id, 2);
  memcpy(m + 2, &ci, 4);
  memcpy(m + 6, &c, 4);
  send_frame(m, sizeof m);
}

/* Reads once and counts every whole control_ping_reply; checks order against *expected. */
static long take_replies(uint32_t *expected) {
  fill();
  long got = 0;
  size_t at = 0;
  while (rx_have - at >= HDR) {
    uint32_t be;
    memcpy(&be, rx + at + 8, 4);
    uint32_t len = ntohl(be);
    if (rx_have - at < HDR + len) break;
    const uint8_t *m = rx + at + HDR;
    if (be16(m) == reply_id) {
      if (be32(m + 2) != *expected || be32(m + 6) != 0) {
        errno = 0;
        die("a control_ping_reply out of order or with a non-zero retval");
      }
      (*expected)++;
      got++;
    }
    at += HDR + len;
  }
  consume(at);
  return got;
}

static void run(long n, long window) {
  uint32_t next = 1, expected = 1;
  long sent = 0, done = 0;
  uint64_t t0 = now_ns();
  while (done < n) {
    while (sent < n && sent - done < window) {
      send_ping(next++);
      sent++;
    }
    done += take_replies(&expected);
  }
  printf("done %llu\n", (unsigned long long)(now_ns() - t0));
  fflush(stdout);
}

int main(int argc, char **argv) {
  prctl(PR_SET_PDEATHSIG, SIGTERM); /* ends with the bench that started it */
  if (argc < 2) {
    fprintf(stderr, "usage: ping_socket API_SOCKET [CLIENT_NAME]\n");
    return 2;
  }
  rx = malloc(RXCAP);
  if (!rx) die("out of memory");
  struct sockaddr_un a;
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  if (strlen(argv[1]) >= sizeof a.sun_path) { errno = 0; die("socket path too long"); }
  strcpy(a.sun_path, argv[1]);
  fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0) die("cannot connect to the API socket");
  handshake(argc > 2 ? argv[2] : "jvppmux-c-baseline");
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
      fprintf(stderr, "ping_socket: unknown command: %s", line);
      return 2;
    }
  }
  uint8_t d[14];
  uint16_t id = htons(delete_id);
  uint32_t ci = htonl(client_index), c = htonl(0x7a3b), idx = htonl(client_index);
  memcpy(d, &id, 2);
  memcpy(d + 2, &ci, 4);
  memcpy(d + 6, &c, 4);
  memcpy(d + 10, &idx, 4);
  send_frame(d, sizeof d);
  close(fd);
  return 0;
}
