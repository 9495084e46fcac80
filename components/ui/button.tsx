import { Children, cloneElement, isValidElement, type ComponentProps } from "react";
import { cn } from "./cn";

const variants = {
  primary: "bg-accent-600 text-white hover:bg-accent-700 focus-visible:outline-accent-600 disabled:bg-accent-600/60",
  secondary:
    "bg-white text-ink-900 ring-1 ring-inset ring-ink-300 hover:bg-ink-50 focus-visible:outline-accent-600 disabled:bg-ink-50 disabled:text-ink-400 disabled:ring-ink-200",
  // A disabled control must look it (the job form's Up on the first question): greyed, no hover.
  ghost: "text-ink-700 hover:bg-ink-100 focus-visible:outline-accent-600 disabled:text-ink-400 disabled:hover:bg-transparent",
  danger: "bg-danger-600 text-white hover:bg-danger-700 focus-visible:outline-danger-600 disabled:bg-danger-600/60",
} as const;
const sizes = { sm: "h-8 px-2.5 text-sm", md: "h-10 px-4 text-sm", icon: "h-8 w-8 justify-center" } as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  /** Render the child element (e.g. a Link) with button styles, instead of a <button>. */
  asChild?: boolean;
};

export function Button({ variant = "primary", size = "md", asChild, className, type, ...props }: ButtonProps) {
  const classes = cn(
    "inline-flex items-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed",
    variants[variant],
    sizes[size],
    className,
  );
  if (asChild) {
    // The one child gets the button's classes and props; its own props win, its classes are added.
    // (Not Radix's Slot: every client page with a button would ship it for the few server-rendered links that use this.)
    const { children, ...rest } = props;
    const child = Children.only(children);
    if (!isValidElement<{ className?: string }>(child)) throw new Error("Button asChild takes one element as its child.");
    return cloneElement(child, { ...rest, ...child.props, className: cn(classes, child.props.className) });
  }
  return <button type={type ?? "button"} className={classes} {...props} />;
}
