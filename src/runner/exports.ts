/**
 * The names the `ndscope` module exports (src/runtime/index.ts), for the runner's ESM shim: an
 * import of a name not here is an error when the user's file is bundled, at its line, instead of
 * an `undefined` at run time. test/runner/exports.test.ts keeps it equal to the runtime's exports
 * (`UPDATE_GOLDEN=1` rewrites the list).
 */
export const RUNTIME_EXPORTS: readonly string[] = `
NDArray NpzFile NumPyError Slice abs absolute acos acosh add all allclose amax amin any append
arange arccos arccosh arcsin arcsinh arctan arctan2 arctanh argmax argmin argpartition argsort
argwhere around array array2string array_equal array_equiv array_repr array_split array_str
asanyarray asarray asarray_chkfinite ascontiguousarray asfortranarray asin asinh astype atan atan2
atanh atleast_1d atleast_2d atleast_3d average backendStatus bitwise_and bitwise_invert
bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift bitwise_xor block broadcast_arrays
broadcast_shapes broadcast_to can_cast cbrt ceil choose clip column_stack compress concat
concatenate configureMemory copy copysign cos cosh count_nonzero cross cumprod cumsum deg2rad
degrees delete diag diag_indices diag_indices_from diagflat diagonal disableParallelGemm divide
divmod dot dsplit dstack dtypes e einsum empty empty_like enableParallelGemm equal euler_gamma exp
exp2 expand_dims expm1 extract eye fabs fill_diagonal fix flatnonzero flip fliplr flipud float_power
floor floor_divide fmax fmin fmod format_float_positional format_float_scientific format_scalar
frexp frombuffer fromfunction full full_like gcd genfromtxt geomspace get_printoptions greater
greater_equal heaviside hsplit hstack hypot identity indices inf inner insert invert isclose
isfinite isinf isnan ix_ kron lcm ldexp left_shift less less_equal lexsort lib linalg linspace load
loadtxt log log10 log1p log2 logaddexp logaddexp2 logical_and logical_not logical_or logical_xor
logspace matmul matrix_transpose matvec max maximum may_share_memory mean median memoryStats
meshgrid min minimum mod modf moveaxis multiply nan nan_to_num nanargmax nanargmin nancumprod
nancumsum nanmax nanmean nanmedian nanmin nanpercentile nanprod nanquantile nanstd nansum nanvar
ndarray ndim negative newaxis nextafter nonzero not_equal ones ones_like outer pad partition
percentile permute_dims pi place positive pow power printoptions prod promote_types ptp put
put_along_axis putmask quantile rad2deg radians random ravel ravel_multi_index reciprocal remainder
repeat reshape resize result_type right_shift rint roll rollaxis rot90 round row_stack save
save_bytes savetxt savez savez_bytes savez_compressed savez_compressed_bytes scalar_repr
searchsorted select setReclaimHook set_file_system set_printoptions shape shares_memory sign signbit
sin sinh size slice sort spacing split sqrt square squeeze stack std subtract sum swapaxes take
take_along_axis tan tanh tensordot tidy tile trace transpose tri tril tril_indices tril_indices_from
trim_zeros triu triu_indices triu_indices_from true_divide trunc unique unique_all unique_counts
unique_inverse unique_values unravel_index unstack vander var vdot vecdot vecmat vsplit vstack where
zeros zeros_like
`
  .split(/\s+/)
  .filter((s) => s !== '');
