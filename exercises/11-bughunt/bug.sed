s/put_cpu_partial(s, page, 1);/put_cpu_partial(s, page, 0);/
