package org.memoscope.nn;

import java.lang.System.Logger.Level;

/**
 * Chooses the convolution kernels once per JVM. The Vector API class is loaded by name,
 * so that nothing links against jdk.incubator.vector unless the module is present.
 */
final class KernelSelection {

    static final String PROPERTY = "memoscope.vector";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final String VECTOR_CLASS = "org.memoscope.nn.VectorConvKernels";

    static final ConvKernels SCALAR = new ScalarConvKernels();

    static final ConvKernels SELECTED = select();

    private KernelSelection() {
    }

    static ConvKernels vector() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            throw new UnsupportedOperationException(VECTOR_MODULE + " is not loaded; start "
                    + "the JVM with --add-modules " + VECTOR_MODULE);
        }
        try {
            return (ConvKernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UnsupportedOperationException("vector kernels unavailable: " + e, e);
        }
    }

    private static ConvKernels select() {
        boolean modulePresent = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        Choice choice = choose(System.getProperty(PROPERTY), modulePresent);
        System.getLogger(ConvKernels.class.getName()).log(Level.INFO,
                "Convolution kernels: {0} ({1})", choice.kernels().name(), choice.reason());
        return choice.kernels();
    }

    /** Kernels and why they were chosen. */
    record Choice(ConvKernels kernels, String reason) {
    }

    /**
     * The rule: plain Java if {@code property} is "false" or the module is absent or fails
     * to load, else the Vector API.
     */
    static Choice choose(String property, boolean modulePresent) {
        if (property != null && property.strip().equalsIgnoreCase("false")) {
            return new Choice(SCALAR, PROPERTY + "=false");
        }
        if (!modulePresent) {
            return new Choice(SCALAR, VECTOR_MODULE + " absent; add --add-modules "
                    + VECTOR_MODULE + " to the java command for faster training");
        }
        try {
            return new Choice(vector(), "module " + VECTOR_MODULE + " present");
        } catch (UnsupportedOperationException e) {
            return new Choice(SCALAR, e.getMessage());
        }
    }
}
