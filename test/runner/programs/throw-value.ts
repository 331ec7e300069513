import * as np from 'ndscope';
np.arange(1);
throw 42;
