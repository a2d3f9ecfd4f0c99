#include "CCurlShim.h"

CURLcode bearerd_easy_setopt_long(CURL *easy, CURLoption option, long value) { return curl_easy_setopt(easy, option, value); }
CURLcode bearerd_easy_setopt_off(CURL *easy, CURLoption option, curl_off_t value) { return curl_easy_setopt(easy, option, value); }
CURLcode bearerd_easy_setopt_pointer(CURL *easy, CURLoption option, void *value) { return curl_easy_setopt(easy, option, value); }
CURLcode bearerd_easy_setopt_string(CURL *easy, CURLoption option, const char *value) { return curl_easy_setopt(easy, option, value); }
CURLcode bearerd_easy_setopt_slist(CURL *easy, CURLoption option, struct curl_slist *value) { return curl_easy_setopt(easy, option, value); }
CURLcode bearerd_easy_setopt_write_callback(CURL *easy, curl_write_callback callback) { return curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, callback); }
CURLcode bearerd_easy_setopt_header_callback(CURL *easy, curl_write_callback callback) { return curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, callback); }
CURLcode bearerd_easy_setopt_read_callback(CURL *easy, curl_read_callback callback) { return curl_easy_setopt(easy, CURLOPT_READFUNCTION, callback); }

CURLcode bearerd_easy_getinfo_long(CURL *easy, CURLINFO info, long *value) { return curl_easy_getinfo(easy, info, value); }
CURLcode bearerd_easy_getinfo_pointer(CURL *easy, CURLINFO info, void **value) { return curl_easy_getinfo(easy, info, value); }

CURLMcode bearerd_multi_setopt_long(CURLM *multi, CURLMoption option, long value) { return curl_multi_setopt(multi, option, value); }
CURLMcode bearerd_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *value) { return curl_multi_setopt(multi, option, value); }
CURLMcode bearerd_multi_setopt_socket_callback(CURLM *multi, curl_socket_callback callback) { return curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, callback); }
CURLMcode bearerd_multi_setopt_timer_callback(CURLM *multi, curl_multi_timer_callback callback) { return curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, callback); }
