// Typed wrappers for libcurl's variadic functions and for the constants that are macros.
// Swift cannot call C variadic functions, and macros aliasing enum values are not imported.
#ifndef BEARERD_CCURLSHIM_H
#define BEARERD_CCURLSHIM_H

#include <curl/curl.h>

CURLcode bearerd_easy_setopt_long(CURL *easy, CURLoption option, long value);
CURLcode bearerd_easy_setopt_off(CURL *easy, CURLoption option, curl_off_t value);
CURLcode bearerd_easy_setopt_pointer(CURL *easy, CURLoption option, void *value);
CURLcode bearerd_easy_setopt_string(CURL *easy, CURLoption option, const char *value);
CURLcode bearerd_easy_setopt_slist(CURL *easy, CURLoption option, struct curl_slist *value);
CURLcode bearerd_easy_setopt_write_callback(CURL *easy, curl_write_callback callback);
CURLcode bearerd_easy_setopt_header_callback(CURL *easy, curl_write_callback callback);
CURLcode bearerd_easy_setopt_read_callback(CURL *easy, curl_read_callback callback);

CURLcode bearerd_easy_getinfo_long(CURL *easy, CURLINFO info, long *value);
CURLcode bearerd_easy_getinfo_pointer(CURL *easy, CURLINFO info, void **value);

CURLMcode bearerd_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLMcode bearerd_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *value);
CURLMcode bearerd_multi_setopt_socket_callback(CURLM *multi, curl_socket_callback callback);
CURLMcode bearerd_multi_setopt_timer_callback(CURLM *multi, curl_multi_timer_callback callback);

static const long bearerd_CURL_WRITEFUNC_PAUSE = CURL_WRITEFUNC_PAUSE;
static const long bearerd_CURL_READFUNC_PAUSE = CURL_READFUNC_PAUSE;
static const long bearerd_CURL_READFUNC_ABORT = CURL_READFUNC_ABORT;
static const int bearerd_CURLPAUSE_CONT = CURLPAUSE_CONT;
static const curl_socket_t bearerd_CURL_SOCKET_TIMEOUT = CURL_SOCKET_TIMEOUT;
static const int bearerd_CURL_CSELECT_IN = CURL_CSELECT_IN;
static const int bearerd_CURL_CSELECT_OUT = CURL_CSELECT_OUT;
static const int bearerd_CURL_CSELECT_ERR = CURL_CSELECT_ERR;
static const int bearerd_CURL_POLL_IN = CURL_POLL_IN;
static const int bearerd_CURL_POLL_OUT = CURL_POLL_OUT;
static const int bearerd_CURL_POLL_INOUT = CURL_POLL_INOUT;
static const int bearerd_CURL_POLL_REMOVE = CURL_POLL_REMOVE;
static const long bearerd_CURL_HTTP_VERSION_2TLS = CURL_HTTP_VERSION_2TLS;
static const long bearerd_CURL_HTTP_VERSION_1_1 = CURL_HTTP_VERSION_1_1;
static const long bearerd_CURL_GLOBAL_DEFAULT = CURL_GLOBAL_DEFAULT;
static const long bearerd_CURLPIPE_MULTIPLEX = CURLPIPE_MULTIPLEX;

#endif
