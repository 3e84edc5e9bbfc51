# file: ex03_calculate_order.c
# what: the leftover fraction never relaxes to a quarter
s/fraction >= 4; fraction \/= 2/fraction > 4; fraction \/= 2/
