// Package accesstoken2 is a drop-in for Agora's Go package of the same name
// (AccessToken2, "007"): the service types, constants and AccessToken with
// NewAccessToken, AddService, Build, Parse and VerifySignature, over
// libagora_token. Packing, signing and parsing happen in the library; the
// services' Pack and UnPack methods of the official package are not
// offered (the official IService interface cannot be implemented outside
// its package either).
package accesstoken2

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/agora-token/agora-token/bindings/go/agoratoken"
)

// Version prefix, service types, privileges and RTM 2.x resource and
// permission types, as the official package.
const (
	Version       = "007"
	VersionLength = 3

	ServiceTypeRtc       = 1
	ServiceTypeRtm       = 2
	ServiceTypeStreaming = 3
	ServiceTypeFpa       = 4
	ServiceTypeChat      = 5
	ServiceTypeFCdn      = 6
	ServiceTypeApaas     = 7
	ServiceTypeRtm2      = 8

	PrivilegeJoinChannel        = 1
	PrivilegePublishAudioStream = 2
	PrivilegePublishVideoStream = 3
	PrivilegePublishDataStream  = 4

	PrivilegeLogin = 1

	PrivilegeStreamingPublishMixStream = 1
	PrivilegeStreamingPublishRawStream = 2

	PrivilegeFCdnPublish = 1
	PrivilegeFCdnPlay    = 2

	PrivilegeChatUser = 1
	PrivilegeChatApp  = 2

	PrivilegeApaasRoomUser = 1
	PrivilegeApaasUser     = 2
	PrivilegeApaasApp      = 3

	Rtm2ResourceMessageChannels = 0
	Rtm2ResourceStreamChannels  = 1
	Rtm2ResourceGroupChannels   = 2
	Rtm2ResourceServerGroups    = 3
	Rtm2ResourceUsers           = 4

	Rtm2PermissionRead  = 0
	Rtm2PermissionWrite = 1
)

// IService is a service of an AccessToken: one of the Service* types of
// this package.
type IService interface {
	getServiceType() uint16
	toService() agoratoken.Service
}

// Service is a service type and its privileges (id to expire, seconds
// after the issue time).
type Service struct {
	Privileges map[uint16]uint32
	Type       uint16
}

// NewService creates a service of a type with no privileges.
func NewService(serviceType uint16) (service *Service) {
	return &Service{Privileges: make(map[uint16]uint32), Type: serviceType}
}

// AddPrivilege sets the expire of a privilege.
func (service *Service) AddPrivilege(privilege uint16, expire uint32) {
	service.Privileges[privilege] = expire
}

func (service *Service) getServiceType() uint16 { return service.Type }

func (service *Service) toService() agoratoken.Service {
	return agoratoken.Service{Type: service.Type, Privileges: service.Privileges}
}

// ServiceRtc is the RTC service: a channel and a uid (as text, "" for any).
type ServiceRtc struct {
	*Service
	ChannelName string
	Uid         string
}

// NewServiceRtc creates an RTC service for a channel and uid.
func NewServiceRtc(channelName string, uid string) (serviceRtc *ServiceRtc) {
	return &ServiceRtc{Service: NewService(ServiceTypeRtc), ChannelName: channelName, Uid: uid}
}

func (s *ServiceRtc) toService() agoratoken.Service {
	v := s.Service.toService()
	v.ChannelName, v.UID = s.ChannelName, s.Uid
	return v
}

// ServiceRtm is the RTM service: a user ID.
type ServiceRtm struct {
	*Service
	UserId string
}

// NewServiceRtm creates an RTM service for a user ID.
func NewServiceRtm(userId string) (serviceRtm *ServiceRtm) {
	return &ServiceRtm{Service: NewService(ServiceTypeRtm), UserId: userId}
}

func (s *ServiceRtm) toService() agoratoken.Service {
	v := s.Service.toService()
	v.UserID = s.UserId
	return v
}

// ServiceStreaming is the Streaming service: a channel and an account.
type ServiceStreaming struct {
	*Service
	ChannelName string
	Account     string
}

// NewServiceStreaming creates a Streaming service for a channel and account.
func NewServiceStreaming(channelName string, account string) *ServiceStreaming {
	return &ServiceStreaming{Service: NewService(ServiceTypeStreaming), ChannelName: channelName, Account: account}
}

// NewServiceStreamingWithUid creates a Streaming service with a numeric uid.
func NewServiceStreamingWithUid(channelName string, uid uint32) *ServiceStreaming {
	return NewServiceStreaming(channelName, GetUidStr(uid))
}

func (s *ServiceStreaming) toService() agoratoken.Service {
	v := s.Service.toService()
	v.ChannelName, v.Account = s.ChannelName, s.Account
	return v
}

// ServiceFpa is the FPA service.
type ServiceFpa struct {
	*Service
}

// NewServiceFpa creates an FPA service.
func NewServiceFpa() (serviceFpa *ServiceFpa) {
	return &ServiceFpa{Service: NewService(ServiceTypeFpa)}
}

// ServiceChat is the Chat service: a user ID ("" for the app).
type ServiceChat struct {
	*Service
	UserId string
}

// NewServiceChat creates a Chat service for a user ID.
func NewServiceChat(userId string) (serviceChat *ServiceChat) {
	return &ServiceChat{Service: NewService(ServiceTypeChat), UserId: userId}
}

func (s *ServiceChat) toService() agoratoken.Service {
	v := s.Service.toService()
	v.UserID = s.UserId
	return v
}

// ServiceFCdn is the Fusion CDN service: a channel and an account.
type ServiceFCdn struct {
	*Service
	ChannelName string
	Account     string
}

// NewServiceFCdn creates an FCDN service for a channel and account.
func NewServiceFCdn(channelName string, account string) *ServiceFCdn {
	return &ServiceFCdn{Service: NewService(ServiceTypeFCdn), ChannelName: channelName, Account: account}
}

// NewServiceFCdnWithUid creates an FCDN service with a numeric uid.
func NewServiceFCdnWithUid(channelName string, uid uint32) *ServiceFCdn {
	return NewServiceFCdn(channelName, GetUidStr(uid))
}

func (s *ServiceFCdn) toService() agoratoken.Service {
	v := s.Service.toService()
	v.ChannelName, v.Account = s.ChannelName, s.Account
	return v
}

// ServiceApaas is the APaaS service: a room, a user and a role (-1 none).
type ServiceApaas struct {
	*Service
	RoomUuid string
	UserUuid string
	Role     int16
}

// NewServiceApaas creates an APaaS service.
func NewServiceApaas(roomUuid string, userUuid string, role int16) (serviceApaas *ServiceApaas) {
	return &ServiceApaas{Service: NewService(ServiceTypeApaas), RoomUuid: roomUuid, UserUuid: userUuid, Role: role}
}

func (s *ServiceApaas) toService() agoratoken.Service {
	v := s.Service.toService()
	v.RoomUUID, v.UserUUID, v.Role = s.RoomUuid, s.UserUuid, s.Role
	return v
}

// Rtm2Permissions are RTM 2.x resource permissions: resource type to
// permission type to resources.
type Rtm2Permissions struct {
	Details map[uint16]map[uint16][]string
}

// NewRtm2Permissions creates an empty permission set.
func NewRtm2Permissions() *Rtm2Permissions {
	return &Rtm2Permissions{Details: make(map[uint16]map[uint16][]string)}
}

// Add sets (replacing) the resources of a resource and permission type.
func (permissions *Rtm2Permissions) Add(resourceType uint16, permissionType uint16, resources []string) {
	if permissions.Details[resourceType] == nil {
		permissions.Details[resourceType] = make(map[uint16][]string)
	}
	permissions.Details[resourceType][permissionType] = append([]string(nil), resources...)
}

// List gives the permissions as agoratoken.Permission entries, ordered by
// resource type then permission type (nil for a nil set). Not in the
// official package.
func (permissions *Rtm2Permissions) List() []agoratoken.Permission {
	if permissions == nil {
		return nil
	}
	var list []agoratoken.Permission
	for r, m := range permissions.Details {
		for p, res := range m {
			list = append(list, agoratoken.Permission{ResourceType: r, PermissionType: p, Resources: res})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].ResourceType != list[j].ResourceType {
			return list[i].ResourceType < list[j].ResourceType
		}
		return list[i].PermissionType < list[j].PermissionType
	})
	return list
}

// ServiceRtm2 is the RTM 2.x service: a user ID and resource permissions.
type ServiceRtm2 struct {
	*Service
	UserId      string
	Permissions *Rtm2Permissions
}

// NewServiceRtm2 creates an RTM 2.x service (nil permissions: none).
func NewServiceRtm2(userId string, permissions *Rtm2Permissions) *ServiceRtm2 {
	if permissions == nil {
		permissions = NewRtm2Permissions()
	}
	return &ServiceRtm2{Service: NewService(ServiceTypeRtm2), UserId: userId, Permissions: permissions}
}

func (s *ServiceRtm2) toService() agoratoken.Service {
	v := s.Service.toService()
	v.UserID, v.Permissions = s.UserId, s.Permissions.List()
	return v
}

// AccessToken is a 007 token being built or parsed.
type AccessToken struct {
	AppCert string
	AppId   string
	Expire  uint32
	IssueTs uint32
	Salt    uint32

	Services []IService
	token    string // the parsed token, for VerifySignature
}

// NewAccessToken creates a token issued now with a random salt in
// [1, 99999999] (the fields the official constructor fills; set IssueTs
// and Salt to pin them).
func NewAccessToken(appId string, appCert string, expire uint32) (accessToken *AccessToken) {
	// The library draws them as its builders do. Its one error, an OS
	// without a random source, leaves both 0: the official constructor
	// cannot fail, so neither does this one.
	issueTs, salt, _ := agoratoken.Issue()
	return &AccessToken{AppCert: appCert, AppId: appId, Expire: expire, IssueTs: issueTs, Salt: salt}
}

// CreateAccessToken creates an empty token for Parse.
func CreateAccessToken() (accessToken *AccessToken) {
	return NewAccessToken("", "", 900)
}

// AddService adds a service (services of the same type are all kept).
func (accessToken *AccessToken) AddService(service IService) {
	accessToken.Services = append(accessToken.Services, service)
}

// GetServices returns the services of a type, in the order added or parsed.
func (accessToken *AccessToken) GetServices(serviceType uint16) []IService {
	services := make([]IService, 0)
	for _, s := range accessToken.Services {
		if s.getServiceType() == serviceType {
			services = append(services, s)
		}
	}
	return services
}

// Build signs the token with its IssueTs and Salt. A bad app ID or
// certificate, or no service, gives ("", err).
func (accessToken *AccessToken) Build() (res string, err error) {
	services := make([]agoratoken.Service, len(accessToken.Services))
	for i, s := range accessToken.Services {
		services[i] = s.toService()
	}
	b := agoratoken.New(accessToken.AppId, accessToken.AppCert)
	b.Options = agoratoken.Options{Fixed: true, IssueTs: accessToken.IssueTs, Salt: accessToken.Salt}
	return b.Services(accessToken.Expire, services...)
}

// Parse reads a 007 token into the fields (its signature is kept for
// VerifySignature). A token that is not 007 or not well-formed gives
// (false, err); parsing stops at a service type it does not know, keeping
// the services before it, as the official package.
func (accessToken *AccessToken) Parse(token string) (res bool, err error) {
	*accessToken = AccessToken{}
	if !strings.HasPrefix(token, Version) {
		return false, &agoratoken.Error{Kind: agoratoken.KindWrongVersion, Field: "token", Rule: "must start with 007"}
	}
	t, err := agoratoken.Parse(token)
	if err != nil {
		return false, err
	}
	accessToken.AppId, accessToken.IssueTs, accessToken.Expire, accessToken.Salt = t.AppID, t.IssueTs, t.Expire, t.Salt
	for _, s := range t.Services {
		accessToken.Services = append(accessToken.Services, fromParsed(s))
	}
	accessToken.token = token
	return true, nil
}

// VerifySignature checks the parsed token's signature against
// appCertificate: (false, nil) when it does not match, an error when
// nothing was parsed or the certificate is malformed.
func (accessToken *AccessToken) VerifySignature(appCertificate string) (bool, error) {
	if accessToken.token == "" {
		return false, errors.New("parse token before verifying signature")
	}
	if err := agoratoken.VerifySignature(accessToken.token, appCertificate); err != nil {
		if errors.Is(err, agoratoken.KindSignatureMismatch) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

func fromParsed(p agoratoken.ParsedService) IService {
	base := &Service{Privileges: p.PrivilegeMap(), Type: p.TypeID}
	switch p.TypeID {
	case ServiceTypeRtc:
		return &ServiceRtc{Service: base, ChannelName: p.ChannelName, Uid: p.UID}
	case ServiceTypeRtm:
		return &ServiceRtm{Service: base, UserId: p.UserID}
	case ServiceTypeStreaming:
		return &ServiceStreaming{Service: base, ChannelName: p.ChannelName, Account: p.Account}
	case ServiceTypeFpa:
		return &ServiceFpa{Service: base}
	case ServiceTypeChat:
		return &ServiceChat{Service: base, UserId: p.UserID}
	case ServiceTypeFCdn:
		return &ServiceFCdn{Service: base, ChannelName: p.ChannelName, Account: p.Account}
	case ServiceTypeApaas:
		return &ServiceApaas{Service: base, RoomUuid: p.RoomUUID, UserUuid: p.UserUUID, Role: p.Role}
	case ServiceTypeRtm2:
		perms := NewRtm2Permissions()
		for _, e := range p.Permissions {
			perms.Add(e.ResourceType, e.PermissionType, e.Resources)
		}
		return &ServiceRtm2{Service: base, UserId: p.UserID, Permissions: perms}
	}
	return base // ConvoAI, STT: services the official package does not name
}

// GetUidStr gives a uid as token text: "" for 0, else the decimal number.
func GetUidStr(uid uint32) string {
	if uid == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(uid), 10)
}

// Md5 returns the lowercase hex MD5 digest of a string.
func Md5(str string) string {
	sum := md5.Sum([]byte(str))
	return hex.EncodeToString(sum[:])
}
