import * as np from 'ndscope';
np.arange(2);
process.exit();
