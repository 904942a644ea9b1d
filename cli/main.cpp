// The preflight command line: a thin front end over the library.
#include <cstdio>
int main() { std::puts("preflight: under construction"); return 0; }
