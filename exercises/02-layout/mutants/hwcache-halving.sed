# file: ex02_calculate_alignment.c
# what: the cache line is halved only while the object is strictly smaller than half
s/while (size <= ralign \/ 2)/while (size < ralign \/ 2)/
