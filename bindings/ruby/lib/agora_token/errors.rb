# frozen_string_literal: true

module AgoraToken
  # Raised when libagora_token cannot be loaded; the message names
  # AGORA_TOKEN_LIBRARY.
  class LibraryNotFound < LoadError; end

  # A failure reported by libagora_token (or refused before the call because
  # Ruby cannot pass the value to C). +kind+ is the C status name
  # (:invalid_input, :malformed, ...); the message names the field and the
  # rule, never the app certificate.
  class Error < StandardError
    # The C status name as a Symbol.
    attr_reader :kind

    def initialize(message, kind)
      super(message)
      @kind = kind
    end
  end

  # A pointer argument that must not be NULL was nil.
  class NullPointer < Error; end
  # A string argument is not valid UTF-8.
  class InvalidUtf8 < Error; end
  # An argument broke a rule (length, alphabet, range).
  class InvalidInput < Error; end
  # A token was built without any service.
  class NoService < Error; end
  # The token does not start with the expected version prefix.
  class WrongVersion < Error; end
  # The token text or its decoded bytes are not a valid token.
  class Malformed < Error; end
  # The signature does not match the certificate (or channel name / uid).
  class SignatureMismatch < Error; end
  # A bug in libagora_token (a caught panic).
  class Internal < Error; end

  # The one mapping of C status codes (AgoraTokenStatus) to exceptions.
  ERRORS = {
    1 => NullPointer, 2 => InvalidUtf8, 3 => InvalidInput, 4 => NoService,
    5 => WrongVersion, 6 => Malformed, 7 => SignatureMismatch, 8 => Internal
  }.freeze

  # Calls a libagora_token function whose last arguments are (out,
  # out_error), or only out_error with +result: :none+; returns the out
  # value (a String, or the pointer itself with +result: :pointer+) and
  # raises the mapped Error otherwise. Frees every string the library
  # returned.
  def self.call_native(function, *args, result: :string)
    # One pair of out slots per fiber, reused: allocating them per call
    # was a tenth of an RTC build. The library writes both on every call.
    out, err = (Thread.current[:agora_token_out] ||= Array.new(2) { FFI::MemoryPointer.new(:pointer) })
    status = Native.public_send(function, *args, *(result == :none ? [] : [out]), err)
    return success(out, result) if status.zero?

    eptr = err.read_pointer
    message = eptr.null? ? 'no message' : eptr.read_string.force_encoding(Encoding::UTF_8)
    Native.agora_token_string_free(eptr) unless eptr.null?
    kind = Native.agora_token_status_name(status).to_sym
    raise ERRORS.fetch(status, Error).new(message, kind)
  end

  def self.success(out, result)
    return nil if result == :none
    return out.read_pointer if result == :pointer

    ptr = out.read_pointer
    begin
      ptr.read_string.force_encoding(Encoding::UTF_8)
    ensure
      Native.agora_token_string_free(ptr)
    end
  end
  private_class_method :success
end
